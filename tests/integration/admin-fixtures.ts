import { count } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { auditLog, companySettings, emailMessages, passwordResetTokens, taxRates, users } from "@/db/schema";
import type { Actor } from "@/lib/audit";

const TABLES = { users, passwordResetTokens, emailMessages, auditLog, companySettings, taxRates } satisfies Record<string, PgTable>;

/** Row counts of the tables admin commands write to: equal before and after means nothing was written. */
export async function rowCounts(db: Db): Promise<Record<keyof typeof TABLES, number>> {
  const entries = await Promise.all(
    Object.entries(TABLES).map(async ([name, table]) => {
      const [row] = await db.select({ n: count() }).from(table);
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof TABLES, number>;
}

export const actorFor = (userId: string | null, label = "test"): Actor => ({ userId, label });

import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";

export interface SecurityOverview {
  totpEnabled: boolean;
  recoveryCodesLeft: number;
}

/** What the security page shows: no secret, no hash leaves this function. */
export async function getSecurityOverview(db: Db, userId: string): Promise<SecurityOverview> {
  const [row] = await db
    .select({
      totpEnabledAt: users.totpEnabledAt,
      recoveryCodesLeft: sql<number>`coalesce(cardinality(${users.totpRecoveryCodes}), 0)::int`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return { totpEnabled: Boolean(row?.totpEnabledAt), recoveryCodesLeft: Number(row?.recoveryCodesLeft ?? 0) };
}

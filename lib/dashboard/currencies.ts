import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { companySettings } from "@/db/schema";
import { int, str } from "./sql";
import { queryRows } from "@/db/raw-rows";

export interface CurrencyUsage {
  currency: string;
  /** non-draft invoices plus succeeded payments in it */
  documents: number;
}

/** The currencies that have data (finalized invoices or received payments), most used first. */
export async function dashboardCurrencies(db: Db): Promise<CurrencyUsage[]> {
  const rows = await queryRows(
    db,
    sql`select currency, count(*)::int as documents from (
          select currency from invoices where deleted_at is null and status <> 'draft'
          union all
          select currency from payments where status = 'succeeded'
        ) used
        group by currency
        order by count(*) desc, currency`,
  );
  return rows.map((row) => ({ currency: str(row.currency), documents: int(row.documents) }));
}

export async function companyDefaultCurrency(db: Db): Promise<string> {
  const [row] = await db.select({ currency: companySettings.defaultCurrency }).from(companySettings).limit(1);
  return row?.currency ?? "USD";
}

/**
 * The currency the dashboard shows: the one asked for when it has data, else the company's default
 * when it has data, else the most used; with no data at all, the company's default.
 */
export function pickCurrency(asked: string | undefined, available: readonly CurrencyUsage[], companyDefault: string): string {
  const has = (code: string) => available.some((usage) => usage.currency === code);
  if (asked !== undefined && has(asked)) return asked;
  if (has(companyDefault)) return companyDefault;
  return available[0]?.currency ?? companyDefault;
}

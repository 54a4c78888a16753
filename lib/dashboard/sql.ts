import type { SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { rawRows } from "@/db/raw-rows";
import { OPEN_STATUSES } from "@/lib/invoices/status";

// The dashboard's statements select money as text and counts as int, so PGlite and postgres.js
// hand back the same shapes; these helpers read them.

export type TextRow = Record<string, string | number | null>;

export async function queryRows(db: Db, statement: SQL): Promise<TextRow[]> {
  return rawRows<TextRow>(await db.execute(statement));
}

/** A money column selected as `::text` → bigint (0 for null). */
export function minor(value: string | number | null | undefined): bigint {
  return value === null || value === undefined ? 0n : BigInt(value);
}

export function int(value: string | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function str(value: string | number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** `'finalized','sent',…` for `status in (…)`: constants, never user input. */
export const OPEN_STATUS_LIST = OPEN_STATUSES.map((status) => `'${status}'`).join(", ");

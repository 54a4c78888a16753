import { OPEN_STATUSES } from "@/lib/invoices/status";

// The dashboard's statements select money as text (read with minorCell from db/raw-rows.ts) and
// counts as int, so PGlite and postgres.js hand back the same shapes; these read the rest.

export function int(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function str(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** `'finalized','sent',…` for `status in (…)`: constants, never user input. */
export const OPEN_STATUS_LIST = OPEN_STATUSES.map((status) => `'${status}'`).join(", ");

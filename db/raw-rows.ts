import type { SQL } from "drizzle-orm";

/**
 * The rows of a raw `db.execute(sql…)` result. postgres.js answers with an array of rows, PGlite
 * with `{ rows }`; drizzle types neither, so the caller names the row shape its SQL selects.
 */
export function rawRows<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === "object" && "rows" in result && Array.isArray(result.rows)) return result.rows as T[];
  throw new Error("unexpected result shape from a raw query");
}

/** Runs one raw statement and returns its rows, typed by the caller. */
export async function queryRows<T = Record<string, unknown>>(db: { execute(query: SQL): PromiseLike<unknown> }, query: SQL): Promise<T[]> {
  return rawRows<T>(await db.execute(query));
}

/**
 * A money cell of a raw statement (selected as `::text` so the drivers never turn it into a float)
 * as bigint minor units; null (an empty sum) is 0.
 */
export function minorCell(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  throw new Error(`not a whole number of minor units: ${String(value)}`);
}

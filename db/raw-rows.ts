/**
 * The rows of a raw `db.execute(sql…)` result. postgres.js answers with an array of rows, PGlite
 * with `{ rows }`; drizzle types neither, so the caller names the row shape its SQL selects.
 */
export function rawRows<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === "object" && "rows" in result && Array.isArray(result.rows)) return result.rows as T[];
  throw new Error("unexpected result shape from a raw query");
}

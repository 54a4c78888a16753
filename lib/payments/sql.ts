import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * Σ of a bigint money expression as a bigint (0 when there are no rows). Read as text because
 * PostgreSQL's sum(bigint) is numeric, which the drivers would hand back as a string or a float.
 */
export function sumMinor(expression: SQLWrapper, filter?: SQL): SQL<bigint> {
  const sum = filter ? sql`sum(${expression}) filter (where ${filter})` : sql`sum(${expression})`;
  return sql<bigint>`coalesce(${sum}, 0)::text`.mapWith((value: string) => BigInt(value));
}

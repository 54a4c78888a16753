import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { rawRows } from "@/db/raw-rows";
import { customers, type NewCustomer } from "@/db/schema";

// Many customers per statement, each statement with ONE parameter: the rows travel as a JSON array
// that jsonb_to_recordset turns back into typed columns. The same rows as a VALUES list need 30
// parameters each, and building such a query costs more than the database spends writing it.
// Column names and types come from the drizzle table, so the SQL cannot drift from the schema.

const COLUMNS = getTableColumns(customers);
type Column = (typeof COLUMNS)[keyof typeof COLUMNS];
type Row = Record<string, unknown>;

function columnOf(key: string): Column {
  if (!Object.hasOwn(COLUMNS, key)) throw new Error(`customers has no column for ${key}`);
  return COLUMNS[key as keyof typeof COLUMNS];
}

/** JSON-safe: bigint money as its exact decimal string (a JSON number would round it). */
function jsonValue(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** The JSON parameter and the `x(col type, …)` record definition for `keys` of `rows`. */
function recordset(rows: readonly Row[], keys: readonly string[], extra: { name: string; type: string; values: unknown[] }[] = []) {
  const columns = keys.map(columnOf);
  const json = JSON.stringify(
    rows.map((row, r) => {
      const out: Row = {};
      keys.forEach((key, i) => (out[columns[i]!.name] = jsonValue(row[key])));
      for (const field of extra) out[field.name] = field.values[r];
      return out;
    }),
  );
  const definitions = [
    ...extra.map((field) => sql`${sql.identifier(field.name)} ${sql.raw(field.type)}`),
    ...columns.map((column) => sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`),
  ];
  return { columns, from: sql`jsonb_to_recordset(${json}::jsonb) as x(${sql.join(definitions, sql`, `)})` };
}

/** Inserts the rows in one statement; returns number → id. */
export async function insertCustomers(tx: Db, rows: readonly NewCustomer[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (rows.length === 0) return ids;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row).filter((key) => (row as Row)[key] !== undefined)))];
  const { columns, from } = recordset(rows as readonly Row[], keys);
  const names = sql.join(columns.map((column) => sql.identifier(column.name)), sql`, `);
  const result: unknown = await tx.execute(sql`insert into ${customers} (${names}) select ${names} from ${from} returning id, number`);
  for (const row of rawRows(result)) {
    if (typeof row.id === "string" && typeof row.number === "string") ids.set(row.number, row.id);
  }
  if (ids.size !== rows.length) throw new Error(`insertCustomers: inserted ${ids.size} of ${rows.length} rows`);
  return ids;
}

export interface CustomerPatch {
  id: string;
  set: Partial<NewCustomer>;
}

/**
 * Applies the patches with one UPDATE per distinct set of columns (a CSV usually has one or a few),
 * bumping each customer's version so an edit form open elsewhere sees the change as a conflict.
 */
export async function updateCustomers(tx: Db, patches: readonly CustomerPatch[]): Promise<void> {
  const groups = new Map<string, CustomerPatch[]>();
  for (const patch of patches) {
    const signature = Object.keys(patch.set)
      .filter((key) => (patch.set as Row)[key] !== undefined)
      .sort()
      .join(",");
    const group = groups.get(signature);
    if (group) group.push(patch);
    else groups.set(signature, [patch]);
  }
  for (const [signature, group] of groups) {
    const keys = signature ? signature.split(",") : [];
    const rows = group.map((patch) => patch.set as Row);
    const { columns, from } = recordset(rows, keys, [{ name: "customer_id", type: "uuid", values: group.map((patch) => patch.id) }]);
    const assignments: SQL[] = columns.map((column) => sql`${sql.identifier(column.name)} = x.${sql.identifier(column.name)}`);
    assignments.push(sql`version = ${customers}.version + 1`, sql`updated_at = now()`);
    await tx.execute(sql`update ${customers} set ${sql.join(assignments, sql`, `)} from ${from} where ${customers}.id = x.customer_id`);
  }
}

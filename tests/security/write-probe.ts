import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/raw-rows";

/**
 * Counts every row written to every table of the public schema: three statement-level triggers
 * per table (insert, update, delete) add the changed rows' count to security_probe.writes. A write
 * that is rolled back takes its count with it, so the counter only sees writes that stayed.
 * Works alike on PGlite and PostgreSQL.
 */
export interface WriteProbe {
  /** A mark to compare against: the last counter row so far. */
  mark(): Promise<number>;
  /** The rows written since `mark`, by table and operation (empty when nothing was written). */
  since(mark: number): Promise<{ table: string; op: string; rows: number }[]>;
}

const EVENTS = [
  ["insert", "new"],
  ["update", "new"],
  ["delete", "old"],
] as const;

export async function installWriteProbe(db: Db): Promise<WriteProbe> {
  await db.execute(sql.raw("create schema if not exists security_probe"));
  await db.execute(sql.raw("create table security_probe.writes (id bigserial primary key, table_name text not null, op text not null, row_count bigint not null)"));
  // an UPDATE or DELETE that matched nothing still fires a statement trigger: count only real rows
  await db.execute(
    sql.raw(`create function security_probe.count_writes() returns trigger language plpgsql as $$
      begin
        insert into security_probe.writes (table_name, op, row_count)
          select tg_table_name, tg_op, count(*) from changed having count(*) > 0;
        return null;
      end $$`),
  );
  const tables = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  if (tables.length === 0) throw new Error("the write probe found no tables: is the database migrated?");
  for (const { name } of tables) {
    for (const [event, image] of EVENTS) {
      await db.execute(
        sql.raw(
          `create trigger security_probe_${event} after ${event} on public."${name}" referencing ${image} table as changed for each statement execute function security_probe.count_writes()`,
        ),
      );
    }
  }

  return {
    async mark() {
      const [row] = await queryRows<{ id: string | number | null }>(db, sql`select max(id) as id from security_probe.writes`);
      return Number(row?.id ?? 0);
    },
    async since(mark) {
      const rows = await queryRows<{ table_name: string; op: string; rows: string | number }>(
        db,
        sql`select table_name, op, sum(row_count)::text as rows from security_probe.writes where id > ${mark} group by table_name, op order by table_name, op`,
      );
      return rows.map((row) => ({ table: row.table_name, op: row.op, rows: Number(row.rows) }));
    },
  };
}

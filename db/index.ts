import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { openDatabase, type Database } from "./connect";

export type Schema = typeof schema;
/** A database or transaction handle: every lib/ function takes one. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

// One client per process. Dev reloads build new module graphs, so the handle lives on globalThis;
// PGlite must never be opened twice on the same folder.
const globalForDb = globalThis as typeof globalThis & { __cleanpayDb?: Promise<Database> };

/** The app's database: opened, migrated and (when empty) seeded on first use. */
export async function getDb(): Promise<Db> {
  globalForDb.__cleanpayDb ??= openDatabase(env()).catch((error: unknown) => {
    globalForDb.__cleanpayDb = undefined;
    throw error;
  });
  return (await globalForDb.__cleanpayDb).db;
}

export { schema };

import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Env } from "@/lib/env";
import type { Db } from "./index";
import * as schema from "./schema";
import { seedIfEmpty } from "./seed";

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Arbitrary constant: serialises migrations and the first seed across app instances.
const MIGRATION_LOCK = 7_431_902;

/** PGlite in a folder, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return { db, kind: "pglite", close: () => client.close() };
}

export async function openPostgres(url: string, options: { poolSize?: number } = {}): Promise<Database> {
  await migrateWithLock(url);
  // JIT compiles plans for big scans; on report queries it cost more than it saved (0.1–1.7 s per run)
  const client = postgres(url, { max: options.poolSize ?? 10, onnotice: () => {}, connection: { jit: "off" } });
  const db = drizzlePostgres(client, { schema });
  return { db, kind: "postgres", close: () => client.end() };
}

async function migrateWithLock(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end();
  }
}

/** The database the environment names (PostgreSQL, or PGlite in its folder), migrated. */
export function openConfigured(config: Pick<Env, "DATABASE_URL" | "PGLITE_DIR">): Promise<Database> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openPglite(path.resolve(process.cwd(), config.PGLITE_DIR));
}

/** The app's database: migrated and, when empty (and SEED_DEMO allows), seeded. */
export async function openDatabase(config: Env): Promise<Database> {
  const database = await openConfigured(config);
  if (config.SEED_DEMO) await seedIfEmpty(database.db, console.log, { sampleData: true });
  return database;
}

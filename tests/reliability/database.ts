import { sql } from "drizzle-orm";
import { afterAll } from "vitest";
import type { Db } from "@/db";
import { openPostgres, type Database } from "@/db/connect";
import { queryRows } from "@/db/raw-rows";
import { createTestDatabase } from "../helpers/db";
import type { ReliabilityScale } from "./scale";

export interface ReliabilityDatabase {
  db: Db;
  /** the connection URL of this file's database, for child processes */
  url: string;
}

/**
 * A fresh PostgreSQL database for one test file (created and dropped by createTestDatabase), reached
 * through a pool as wide as the scale asks, so races are decided by the server and not queued in a
 * five-connection pool. Route handlers get it too: getDb() answers with it.
 */
export async function reliabilityDatabase(scale: ReliabilityScale): Promise<ReliabilityDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (process.env.TEST_DB !== "postgres" || !serverUrl) throw new Error("The reliability suite runs on PostgreSQL only: set TEST_DATABASE_URL.");
  const fresh = await createTestDatabase();
  const [row] = await queryRows<{ name: string }>(fresh.db, sql`select current_database() as name`);
  if (!row) throw new Error("current_database() returned nothing");
  const url = new URL(serverUrl);
  url.pathname = `/${row.name}`;
  const wide = await openPostgres(url.toString(), { poolSize: scale.poolSize });
  // hooks run last-registered first: this pool closes before createTestDatabase drops the database
  afterAll(() => wide.close());
  (globalThis as { __cleanpayDb?: Promise<Database> }).__cleanpayDb = Promise.resolve(wide);
  return { db: wide.db, url: url.toString() };
}

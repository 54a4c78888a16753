import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll } from "vitest";
import { openPglite, openPostgres, type Database } from "@/db/connect";

/**
 * A fresh, migrated, empty database for one test file: in-memory PGlite, or a new database on the
 * TEST_DATABASE_URL server (dropped after the file) when the project runs with TEST_DB=postgres.
 */
export async function createTestDatabase(): Promise<Database> {
  const database = process.env.TEST_DB === "postgres" ? await freshPostgres() : await openPglite();
  afterAll(() => database.close());
  return database;
}

async function freshPostgres(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
  const name = `cleanpay_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openPostgres } from "@/db/connect";
import type { Db } from "@/db";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export interface BenchDatabase {
  db: Db;
  name: string;
  /** connection URL of the bench database itself (for pgbench) */
  url: string;
  serverVersion: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database named cleanpay_bench_<random> on a local PostgreSQL server. The bench
 * writes hundreds of thousands of rows, so it refuses any host that is not this machine.
 */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const url = new URL(serverUrl);
  if (!/^postgres(ql)?:$/.test(url.protocol)) throw new Error(`BENCH_DATABASE_URL must be a postgres:// URL, not ${url.protocol}`);
  if (!LOCAL_HOSTS.has(url.hostname)) throw new Error(`Refusing to benchmark against ${url.hostname}: use a local server (localhost, 127.0.0.1 or ::1).`);
  const name = `cleanpay_bench_${randomBytes(5).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  let dropped = false;
  const dropDatabase = async () => {
    if (dropped) return;
    dropped = true;
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    const [row] = await admin<{ server_version: string }[]>`show server_version`;
    url.pathname = `/${name}`;
    const database = await openPostgres(url.toString(), { poolSize: 10 });
    return {
      db: database.db,
      name,
      url: url.toString(),
      serverVersion: row?.server_version ?? "unknown",
      async drop() {
        await database.close();
        await dropDatabase();
      },
    };
  } catch (error) {
    await dropDatabase();
    throw error;
  }
}

// npm run seed:large [-- --invoices=100000 --customers=2000 --yes]   (issue 7 scale: --invoices=1000000 --customers=10000)
// Tops the large invoice book (customers, invoices with lines and taxes, payments, credit notes,
// refunds) up to that size in the configured database: PGlite in PGLITE_DIR when DATABASE_URL is
// unset, else that PostgreSQL. A second run with the same size adds nothing. It writes a lot, so
// it refuses any database that is not on this machine unless --yes says so.
import { openConfigured } from "@/db/connect";
import { seedIfEmpty } from "@/db/seed";
import { env } from "@/lib/env";
import { seedLargeInvoices } from "./large-invoices";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

function option(name: string, fallback: number): number {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 10_000_000) throw new Error(`--${name} must be a whole number from 1 to 10,000,000`);
  return value;
}

/** Where the seed would write, and whether that is this machine. */
function target(databaseUrl: string | undefined, pgliteDir: string): { label: string; local: boolean } {
  if (!databaseUrl) return { label: `PGlite in ${pgliteDir}`, local: true };
  const url = new URL(databaseUrl);
  return { label: `PostgreSQL ${url.host}${url.pathname}`, local: LOCAL_HOSTS.has(url.hostname) };
}

async function main() {
  const config = env();
  const options = { invoices: option("invoices", 100_000), customers: option("customers", 2_000) };
  const where = target(config.DATABASE_URL, config.PGLITE_DIR);
  if (!where.local && !process.argv.includes("--yes")) {
    throw new Error(`Refusing to seed ${where.label}: it is not a local database. Add --yes if you really mean it.`);
  }
  const started = performance.now();
  console.log(`Seeding ${options.invoices.toLocaleString("en-US")} invoices across ${options.customers.toLocaleString("en-US")} customers into ${where.label}…`);
  const database = await openConfigured(config);
  try {
    await seedIfEmpty(database.db, () => {});
    const onChunk = (done: number, of: number) => console.log(`  ${done.toLocaleString("en-US")} / ${of.toLocaleString("en-US")} invoices (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    const result = await seedLargeInvoices(database.db, { ...options, onChunk });
    const total = (performance.now() - started) / 1000;
    const n = (value: number) => value.toLocaleString("en-US");
    console.log(
      result.addedInvoices === 0
        ? `The book already has ${n(result.invoices)} invoices: nothing added.`
        : `Added ${n(result.addedInvoices)} invoices (book: ${n(result.invoices)} across ${n(result.customers)} customers), ${n(result.lines)} lines, ` +
            `${n(result.payments)} payments, ${n(result.creditNotes)} credit notes, ${n(result.refunds)} refunds ` +
            `in ${result.seconds.toFixed(1)} s (${total.toFixed(1)} s with connecting and migrating).`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof Error && error.cause) console.error(error.cause);
  process.exitCode = 1;
});

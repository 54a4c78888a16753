// npm run bench: import and list-page timings on a throw-away local PostgreSQL database.
// `npm run bench -- invoices` runs only the invoice list bench (100,000 invoices, its own database).
// `npm run bench -- pdf` runs only the invoice PDF render bench (its own database).
// `npm run bench -- webhooks` runs only the Stripe webhook ingest bench (its own database).
// `npm run bench -- reports` runs only the reports bench (1,000,000 invoices; BENCH_REPORT_INVOICES for fewer).
// `npm run bench -- http` runs only the HTTP bench: `next build` + `next start` on its own database (100,000
// invoices, 10,000 customers), the list pages against the JSON routes with the same query under autocannon,
// and the first-load JS of the public invoice page (BENCH_HTTP_PORT, BENCH_HTTP_SECONDS, BENCH_SKIP_BUILD=1).
// The full run (no argument) runs every part, the HTTP bench last.
// BENCH_DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); a
// database cleanpay_bench_<random> is created there, migrated, and dropped at the end.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { customers, numberSequences, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { getImportDefaults } from "@/lib/customers/import/defaults";
import { CUSTOMER_SERIES } from "@/lib/customers/numbers";
import { varyCustomerStatuses } from "./customer-statuses";
import { createBenchDatabase, type BenchDatabase } from "./database";
import { generateRows } from "./data";
import { benchHttp, printHttp } from "./http";
import { measureImport, type ImportMeasure } from "./import-bench";
import { benchInvoiceList, INVOICE_BOOK, INVOICE_RUNS, INVOICE_WARM_UP, type InvoiceListBench } from "./invoice-list";
import { measureList, REQUESTS, WARM_UP, type ListMeasure } from "./list-bench";
import { benchPdf, measurePdf, printPdf } from "./pdf";
import { benchReports, printReports } from "./reports";
import { table } from "./table";
import { benchWebhooks, type WebhookBench } from "./webhooks";

const serverUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

function shortCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

/** bench/results/<date>-<commit>[-<part>].json: the figures with the commit and machine they were measured on. */
function writeResults(part: string | null, figures: Record<string, unknown>) {
  const commit = shortCommit();
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(process.cwd(), "bench", "results", `${date}-${commit}${part ? `-${part}` : ""}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", memoryGb: Math.round(os.totalmem() / 1024 ** 3) };
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), commit, node: process.version, machine, ...figures }, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), file)}.`);
}

/** Empties the book (and its counter) so the 100,000-row import starts from zero like the first. */
async function emptyBook(bench: BenchDatabase) {
  await bench.db.execute(sql`truncate ${customers} cascade`);
  await bench.db.delete(numberSequences).where(eq(numberSequences.series, CUSTOMER_SERIES));
}

function printInvoiceList(result: InvoiceListBench) {
  const { seed } = result;
  console.log(`\nseed:large: ${seed.invoices} invoices, ${seed.lines} lines, ${seed.payments} payments, ${seed.customers} customers in ${seed.seconds.toFixed(1)} s`);
  console.log(`Invoice list with ${INVOICE_BOOK.invoices.toLocaleString("en-US")} invoices (in-process, ${INVOICE_RUNS} loads after ${INVOICE_WARM_UP} warm-up)`);
  console.log(table(["case", "measured", "matching", "p50 ms", "p95 ms", "max ms"], result.lists.map((m) => [m.label, m.what, m.matching, m.p50Ms, m.p95Ms, m.maxMs])));
}

function printWebhooks(result: WebhookBench) {
  const { ingest, duplicates, singleRowInsert } = result;
  console.log(`\nStripe webhook ingest (${result.events} signed checkout.session.completed events, ${result.concurrency} concurrent)`);
  console.log(
    table(
      ["case", "events/s", "p50 ms", "p95 ms", "seconds"],
      [
        ["verify + record + settle + receipt", ingest.eventsPerSecond, ingest.p50Ms, ingest.p95Ms, ingest.seconds],
        ["same events again (duplicates)", duplicates.eventsPerSecond, duplicates.p50Ms, duplicates.p95Ms, duplicates.seconds],
      ],
    ),
  );
  const pgbench = singleRowInsert.pgbench.tps === null ? singleRowInsert.pgbench.note : `${singleRowInsert.pgbench.tps} tps (${singleRowInsert.pgbench.note})`;
  console.log(`single-row INSERT, same database: ${singleRowInsert.node.rowsPerSecond} rows/s from Node; pgbench ${pgbench}`);
  console.log(`ingest / single-row insert = ${result.ratio}`);
}

async function main() {
  const totalStarted = performance.now();
  if (process.argv[2] === "invoices") {
    printInvoiceList(await benchInvoiceList(serverUrl));
    return;
  }
  if (process.argv[2] === "webhooks") {
    const webhooks = await benchWebhooks(serverUrl);
    printWebhooks(webhooks);
    writeResults("webhooks", { webhooks });
    return;
  }
  if (process.argv[2] === "http") {
    const http = await benchHttp(serverUrl);
    printHttp(http);
    writeResults("http", { http });
    return;
  }
  if (process.argv[2] === "reports") {
    const reports = await benchReports(serverUrl);
    printReports(reports);
    writeResults("reports", { reports });
    return;
  }
  if (process.argv[2] === "pdf") {
    const pdf = await benchPdf(serverUrl);
    printPdf(pdf);
    writeResults("pdf", { pdf });
    return;
  }
  console.log(`CleanPay bench: creating a database on ${new URL(serverUrl).host}…`);
  const bench = await createBenchDatabase(serverUrl);
  const onSignal = () => void bench.drop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await seedIfEmpty(bench.db, () => {});
    const [finance] = await bench.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, "finance"));
    const actor: Actor = { userId: finance?.id ?? null, label: finance?.email ?? "bench" };
    const defaults = await getImportDefaults(bench.db);

    const imports: ImportMeasure[] = [];
    const first = generateRows(10_000, "a");
    console.log("Importing 10,000 customers…");
    imports.push(await measureImport(bench.db, "10,000 new customers", first, "skip", defaults, actor));
    console.log("Importing the same 10,000 again with 'Update existing'…");
    imports.push(await measureImport(bench.db, "10,000 updates (same file, update)", first, "update", defaults, actor));

    await varyCustomerStatuses(bench.db);
    const lists: ListMeasure[] = [];
    console.log(`Timing the customer list with 10,000 customers (${WARM_UP} warm-up + ${REQUESTS} loads per case)…`);
    lists.push(...(await measureList(bench.db, "default page", {})));
    lists.push(...(await measureList(bench.db, "search + status + sort", { q: "logistics", status: "active", sort: "created" })));

    await emptyBook(bench);
    console.log("Importing 100,000 customers…");
    imports.push(await measureImport(bench.db, "100,000 new customers", generateRows(100_000, "b", 7), "skip", defaults, actor));

    console.log("Timing the invoice PDF (1, 50 and 200 lines, then invoices/s on all cores)…");
    const pdf = await measurePdf(bench.db, actor);

    console.log("Invoice list bench (a database of its own)…");
    const invoiceList = await benchInvoiceList(serverUrl);

    console.log("Webhook ingest bench (a database of its own)…");
    const webhooks = await benchWebhooks(serverUrl);
    console.log("Reports bench (a database of its own, 1,000,000 invoices)…");
    const reports = await benchReports(serverUrl);
    console.log("HTTP bench (a database of its own, next build + next start)…");
    const http = await benchHttp(serverUrl);

    const totalSeconds = (performance.now() - totalStarted) / 1000;
    console.log("\nImport (importCustomerBatch, batches of 500, one transaction each)");
    console.log(
      table(
        ["case", "rows", "seconds", "rows/s", "batch p50 ms", "batch p95 ms", "created", "updated"],
        imports.map((m) => [m.label, m.rows, m.seconds.toFixed(2), m.rowsPerSecond, m.batchP50Ms, m.batchP95Ms, m.counts.created, m.counts.updated]),
      ),
    );
    console.log(`\nCustomer list with 10,000 customers (in-process, ${REQUESTS} loads after ${WARM_UP} warm-up)`);
    console.log(
      table(
        ["case", "measured", "matching", "p50 ms", "p95 ms", "max ms"],
        lists.map((m) => [m.label, m.what, m.matching, m.p50Ms, m.p95Ms, m.maxMs]),
      ),
    );
    printInvoiceList(invoiceList);
    printPdf(pdf);
    printWebhooks(webhooks);
    printReports(reports);
    printHttp(http);

    writeResults(null, { postgres: bench.serverVersion, totalSeconds: Number(totalSeconds.toFixed(1)), imports, list: lists, invoiceList, pdf, webhooks, reports, http });
  } finally {
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

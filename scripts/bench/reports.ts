// The reports bench: each report of lib/reports/registry.ts on the large book (1,000,000 invoices;
// BENCH_REPORT_INVOICES overrides for a quick run), timed through `report.run` (SQL + shaping rows
// in JavaScript) next to its main statement `report.query` run directly, on a fresh local database.
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rawRows } from "@/db/raw-rows";
import { seedIfEmpty } from "@/db/seed";
import { REPORTS, type RegisteredReport } from "@/lib/reports/registry";
import { seedLargeInvoices } from "../large-invoices";
import { createBenchDatabase } from "./database";
import { percentile, round } from "./stats";

export const REPORT_WARM_UP = 1;
export const REPORT_RUNS = 5;

export interface ReportMeasure {
  id: string;
  /** the params the case ran with (URL keys) */
  case: string;
  runP50Ms: number;
  runP95Ms: number;
  sqlP50Ms: number;
  sqlP95Ms: number;
  /** rows the report returned (table rows, totals not counted) */
  rows: number;
}

export interface ReportsBench {
  seed: { invoices: number; lines: number; payments: number; creditNotes: number; refunds: number; seconds: number };
  reports: ReportMeasure[];
}

function bookSize(): number {
  const raw = process.env.BENCH_REPORT_INVOICES;
  const value = raw ? Number(raw) : 1_000_000;
  if (!Number.isInteger(value) || value < 1_000) throw new Error("BENCH_REPORT_INVOICES must be a whole number of at least 1,000");
  return value;
}

async function time(load: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < REPORT_WARM_UP; i++) await load();
  const times: number[] = [];
  for (let i = 0; i < REPORT_RUNS; i++) {
    const started = performance.now();
    await load();
    times.push(performance.now() - started);
  }
  return times;
}

/** The customer with the most invoices: the statement's worst case. */
async function busiestCustomer(db: Db): Promise<string> {
  const [row] = rawRows<{ id: string }>(await db.execute(sql`select customer_id as id from invoices group by 1 order by count(*) desc limit 1`));
  if (!row) throw new Error("the book has no invoices");
  return row.id;
}

/**
 * Representative params per report (URL keys, parsed by the report itself): last calendar year,
 * USD (the busiest currency) unless all currencies is the interesting case.
 */
function cases(year: number, customerId: string): Record<string, Record<string, string>[]> {
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  return {
    aging: [{}, { asOf: `${year}-12-31`, currency: "USD" }],
    revenue: [
      { ...period, currency: "USD", by: "month" },
      { ...period, by: "month" },
      { ...period, currency: "USD", by: "customer" },
      { ...period, currency: "USD", by: "product" },
    ],
    payments: [{ ...period, currency: "USD", by: "method" }, { ...period, by: "status" }],
    refunds: [{ ...period, status: "succeeded,pending,failed", by: "origin" }],
    "failed-payments": [{ ...period }],
    tax: [{ ...period, currency: "USD", by: "month" }, { ...period, by: "quarter" }],
    statement: [{ ...period, customerId }],
  };
}

/** Times each case of one report: run() and the same statement through db.execute. */
async function measureReport(db: Db, report: RegisteredReport, raw: Record<string, string>): Promise<ReportMeasure> {
  const params = report.params.parse(raw);
  const query = report.query(params);
  const result = await report.run(db, params);
  const runs = await time(() => report.run(db, params));
  const direct = await time(() => db.execute(query));
  return {
    id: report.id,
    case: new URLSearchParams(raw).toString() || "(defaults)",
    runP50Ms: round(percentile(runs, 50)),
    runP95Ms: round(percentile(runs, 95)),
    sqlP50Ms: round(percentile(direct, 50)),
    sqlP95Ms: round(percentile(direct, 95)),
    rows: result.rows.length,
  };
}

export async function measureReports(db: Db): Promise<ReportMeasure[]> {
  const byId = cases(new Date().getUTCFullYear() - 1, await busiestCustomer(db));
  const results: ReportMeasure[] = [];
  for (const report of REPORTS) {
    for (const raw of byId[report.id] ?? [{}]) {
      const measure = await measureReport(db, report, raw);
      console.log(`  ${measure.id} ${measure.case}: run p50 ${measure.runP50Ms} ms, SQL p50 ${measure.sqlP50Ms} ms`);
      results.push(measure);
    }
  }
  return results;
}

/** A fresh local database, demo data + the large book seeded, every report timed; the database is dropped after. */
export async function benchReports(serverUrl: string): Promise<ReportsBench> {
  const bench = await createBenchDatabase(serverUrl);
  try {
    await seedIfEmpty(bench.db, () => {});
    const invoices = bookSize();
    console.log(`Seeding ${invoices.toLocaleString("en-US")} invoices for the reports…`);
    const seeded = await seedLargeInvoices(bench.db, { invoices, customers: Math.max(10, Math.round(invoices / 100)) });
    // settled as autovacuum leaves a book (visibility map, hint bits), so no timed run pays for that
    await bench.db.execute(sql`vacuum analyze`);
    console.log(`Timing ${REPORTS.length} reports (${REPORT_WARM_UP} warm-up + ${REPORT_RUNS} runs per case, run() and its SQL alone)…`);
    const { lines, payments, creditNotes, refunds, seconds } = seeded;
    return { seed: { invoices: seeded.invoices, lines, payments, creditNotes, refunds, seconds: round(seconds, 1) }, reports: await measureReports(bench.db) };
  } finally {
    await bench.drop();
  }
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export function printReports(result: ReportsBench): void {
  const { seed } = result;
  const n = (value: number) => value.toLocaleString("en-US");
  console.log(
    `\nReports on ${n(seed.invoices)} invoices (${n(seed.lines)} lines, ${n(seed.payments)} payments, ${n(seed.creditNotes)} credit notes, ` +
      `${n(seed.refunds)} refunds; seeded in ${seed.seconds} s), ${REPORT_RUNS} runs after ${REPORT_WARM_UP} warm-up`,
  );
  console.log(
    table(
      ["report", "params", "rows", "run p50 ms", "run p95 ms", "SQL p50 ms", "SQL p95 ms"],
      result.reports.map((m) => [m.id, m.case, m.rows, m.runP50Ms, m.runP95Ms, m.sqlP50Ms, m.sqlP95Ms]),
    ),
  );
  const slow = result.reports.filter((m) => m.runP50Ms > 1_000);
  if (slow.length > 0) console.log(`Over 1 s: ${slow.map((m) => `${m.id} (${m.case})`).join("; ")}`);
}

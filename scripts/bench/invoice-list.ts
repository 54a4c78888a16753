import { seedIfEmpty } from "@/db/seed";
import type { Db } from "@/db";
import { todayIso } from "@/lib/invoices/dates";
import { hasAnyInvoice, invoiceCurrencies, listInvoices } from "@/lib/invoices/list";
import { parseInvoiceListParams } from "@/lib/invoices/list-params";
import { seedLargeInvoices, type LargeSeedResult } from "../large-invoices";
import { createBenchDatabase } from "./database";
import type { ListMeasure } from "./list-bench";
import { percentile, round } from "./stats";

export const INVOICE_WARM_UP = 5;
export const INVOICE_RUNS = 50;

export const INVOICE_BOOK = { invoices: 100_000, customers: 2_000 };

export interface InvoiceListBench {
  seed: LargeSeedResult;
  lists: ListMeasure[];
}

/** The views the bench loads: the default page, a search, and overdue by amount due. */
const CASES: { label: string; params: Record<string, string> }[] = [
  { label: "default page", params: {} },
  { label: "search customer name", params: { q: "harbor logistics" } },
  { label: "search amount", params: { q: "1,843.24" } },
  { label: "overdue by amount due", params: { status: "overdue", sort: "amountDue" } },
];

async function time(load: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < INVOICE_WARM_UP; i++) await load();
  const times: number[] = [];
  for (let i = 0; i < INVOICE_RUNS; i++) {
    const started = performance.now();
    await load();
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Times what /invoices asks the database for on one load, with the functions the page calls:
 * `listInvoices` (page of rows + totals per currency + count) alone, and with the other page data.
 */
export async function measureInvoiceList(db: Db): Promise<ListMeasure[]> {
  const today = todayIso();
  const results: ListMeasure[] = [];
  for (const { label, params } of CASES) {
    const filters = parseInvoiceListParams(params);
    const loads = {
      listInvoices: () => listInvoices(db, filters, today),
      "page data (list + empty check + currencies)": () => Promise.all([listInvoices(db, filters, today), hasAnyInvoice(db), invoiceCurrencies(db)]),
    };
    const { total } = await listInvoices(db, filters, today);
    for (const [what, load] of Object.entries(loads)) {
      const times = await time(load);
      results.push({
        label,
        query: new URLSearchParams(params).toString() || "(defaults)",
        what,
        requests: INVOICE_RUNS,
        matching: total,
        p50Ms: round(percentile(times, 50)),
        p95Ms: round(percentile(times, 95)),
        maxMs: round(Math.max(...times)),
      });
    }
  }
  return results;
}

/** A fresh local database, the large book seeded into it, the list timed; the database is dropped after. */
export async function benchInvoiceList(serverUrl: string): Promise<InvoiceListBench> {
  const bench = await createBenchDatabase(serverUrl);
  try {
    await seedIfEmpty(bench.db, () => {});
    console.log(`Seeding ${INVOICE_BOOK.invoices.toLocaleString("en-US")} invoices across ${INVOICE_BOOK.customers.toLocaleString("en-US")} customers…`);
    const seed = await seedLargeInvoices(bench.db, INVOICE_BOOK);
    console.log(`Timing the invoice list (${INVOICE_WARM_UP} warm-up + ${INVOICE_RUNS} loads per case)…`);
    return { seed, lists: await measureInvoiceList(bench.db) };
  } finally {
    await bench.drop();
  }
}

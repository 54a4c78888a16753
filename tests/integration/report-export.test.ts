import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { rawRows } from "@/db/raw-rows";
import { companySettings } from "@/db/schema";
import { parseMoney } from "@/lib/money";
import { reportToCsv } from "@/lib/reports/csv";
import { exportReport, parseExportFormat } from "@/lib/reports/export";
import { periodParams, type PeriodParams } from "@/lib/reports/params";
import type { ReportDefinition, ReportRow } from "@/lib/reports/types";
import { exportHref, loadReportView } from "@/lib/reports/view";
import { createTestDatabase } from "../helpers/db";
import { insertFinalizedInvoice, insertTestCustomer } from "../helpers/invoice-rows";
import { pdfPages, pdfText } from "../unit/pdf-fixtures";

// The export core with a report defined here (the real reports have their own tests): whatever
// report it is handed, the CSV and the PDF hold what the page shows for the same URL.

const { db } = await createTestDatabase();

/** Test-only: invoiced total and amount due of live invoices per customer, by issue date. */
function invoicedQuery(params: PeriodParams) {
  const filters = [sql`i.status not in ('draft', 'void')`, sql`i.issue_date between ${params.from}::date and ${params.to}::date`];
  if (params.currency) filters.push(sql`i.currency = ${params.currency}`);
  if (params.customerId) filters.push(sql`i.customer_id = ${params.customerId}::uuid`);
  return sql`select i.currency, c.display_name as customer, grouping(c.display_name) as is_total, count(*)::int as n,
      sum(i.total)::text as total, sum(i.amount_due)::text as due
    from invoices i join customers c on c.id = i.customer_id
    where ${sql.join(filters, sql` and `)}
    group by grouping sets ((i.currency, c.display_name), (i.currency))
    order by grouping(c.display_name), i.currency, c.display_name collate "C"`;
}

type Raw = { currency: string; customer: string | null; is_total: number; n: number; total: string; due: string };

const invoicedReport: ReportDefinition<PeriodParams> = {
  id: "test-invoiced",
  title: "Invoiced by customer",
  description: "Test-only report.",
  params: periodParams,
  query: invoicedQuery,
  async run(database: Db, params) {
    const raw = rawRows<Raw>(await database.execute(invoicedQuery(params)));
    const toRow = (row: Raw): ReportRow => ({ customer: row.customer ?? "Total", currency: row.currency, n: row.n, total: BigInt(row.total), due: BigInt(row.due) });
    return {
      columns: [
        { key: "customer", label: "Customer", kind: "text" },
        { key: "n", label: "Invoices", kind: "count" },
        { key: "total", label: "Invoiced", kind: "money" },
        { key: "due", label: "Due", kind: "money" },
      ],
      rows: raw.filter((row) => Number(row.is_total) === 0).map(toRow),
      totals: raw.filter((row) => Number(row.is_total) === 1).map(toRow),
    };
  },
};

const TODAY = "2026-04-02";
const PERIOD = { from: "2026-01-01", to: "2026-03-31" };
let acme: string;

beforeAll(async () => {
  await db.insert(companySettings).values({ legalName: "CleanPay Test Co", email: "billing@cleanpay.test" });
  acme = await insertTestCustomer(db, "Acme Ltd", "USD");
  const evil = await insertTestCustomer(db, '=HYPERLINK("http://evil.test")', "USD");
  const kaisha = await insertTestCustomer(db, "Kaisha KK", "JPY");
  const one = (unitPrice: bigint) => [{ quantity: 1, unitPrice }];
  // USD: Acme 1,234.56 + 0.45 (in period), 99.00 (April: out), 50.00 void; the formula-named customer 10.01
  await insertFinalizedInvoice(db, { customerId: acme, lines: one(1_234_56n), issueDate: "2026-01-15", dueDate: "2026-01-15" });
  await insertFinalizedInvoice(db, { customerId: acme, lines: one(45n), issueDate: "2026-03-31", dueDate: "2026-03-31" });
  await insertFinalizedInvoice(db, { customerId: acme, lines: one(99_00n), issueDate: "2026-04-01", dueDate: "2026-04-01" });
  await insertFinalizedInvoice(db, { customerId: acme, lines: one(50_00n), issueDate: "2026-02-01", dueDate: "2026-02-01", status: "void" });
  await insertFinalizedInvoice(db, { customerId: evil, lines: one(10_01n), issueDate: "2026-02-10", dueDate: "2026-02-10" });
  // JPY: 1,234,567 + 8
  await insertFinalizedInvoice(db, { customerId: kaisha, currency: "JPY", lines: one(1_234_567n), issueDate: "2026-02-20", dueDate: "2026-02-20" });
  await insertFinalizedInvoice(db, { customerId: kaisha, currency: "JPY", lines: one(8n), issueDate: "2026-03-01", dueDate: "2026-03-01" });
});

function parseCsv(bytes: Uint8Array) {
  const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
}

const minor = (text: string | undefined, currency: string) => {
  const parsed = parseMoney(text ?? "", currency);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.minor;
};

describe("exportReport as CSV", () => {
  it("names the file after the report and the day, and holds every figure in its currency's decimals", async () => {
    const file = await exportReport(db, invoicedReport, new URLSearchParams({ ...PERIOD, format: "csv" }), "csv", TODAY);
    expect(file.filename).toBe("test-invoiced-2026-04-02.csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    const { data, meta } = parseCsv(file.bytes);
    expect(meta.fields).toEqual(["Customer", "Invoices", "Currency", "Invoiced", "Due"]);
    expect(data).toEqual([
      { Customer: "Kaisha KK", Invoices: "2", Currency: "JPY", Invoiced: "1234575", Due: "1234575" },
      { Customer: "'=HYPERLINK(\"http://evil.test\")", Invoices: "1", Currency: "USD", Invoiced: "10.01", Due: "10.01" },
      { Customer: "Acme Ltd", Invoices: "2", Currency: "USD", Invoiced: "1235.01", Due: "1235.01" },
      { Customer: "Total", Invoices: "2", Currency: "JPY", Invoiced: "1234575", Due: "1234575" },
      { Customer: "Total", Invoices: "3", Currency: "USD", Invoiced: "1245.02", Due: "1245.02" },
    ]);
  });

  it("has money columns that sum, per currency, to that currency's totals row", async () => {
    const { data } = parseCsv((await exportReport(db, invoicedReport, new URLSearchParams(PERIOD), "csv", TODAY)).bytes);
    const totals = data.filter((row) => row.Customer === "Total");
    expect(totals).toHaveLength(2);
    for (const total of totals) {
      const currency = total.Currency ?? "";
      const rows = data.filter((row) => row.Customer !== "Total" && row.Currency === currency);
      for (const column of ["Invoiced", "Due"]) {
        expect(rows.reduce((sum, row) => sum + minor(row[column], currency), 0n)).toBe(minor(total[column], currency));
      }
    }
  });

  it("applies the page's filters: currency, customer and period, from a URL or a page's searchParams", async () => {
    const jpy = parseCsv((await exportReport(db, invoicedReport, { ...PERIOD, currency: "jpy" }, "csv", TODAY)).bytes);
    expect(jpy.data.map((row) => row.Currency)).toEqual(["JPY", "JPY"]);
    const acmeOnly = parseCsv((await exportReport(db, invoicedReport, new URLSearchParams({ from: "2026-01-01", to: "2026-04-30", customerId: acme }), "csv", TODAY)).bytes);
    expect(acmeOnly.data.map((row) => [row.Customer, row.Invoiced])).toEqual([
      ["Acme Ltd", "1334.01"],
      ["Total", "1334.01"],
    ]);
  });

  it("is byte for byte the page's result for the same search params", async () => {
    const raw = { ...PERIOD, currency: ["USD", "JPY"] };
    const view = await loadReportView(db, invoicedReport, raw);
    const file = await exportReport(db, invoicedReport, raw, "csv", TODAY);
    expect(new TextDecoder().decode(file.bytes)).toBe(reportToCsv(view.result));
    expect(view.result.totals.map((row) => row.currency)).toEqual(["USD"]);
  });
});

describe("the page's export links", () => {
  it("carry the filters as the report read them, defaults filled in, plus the format", () => {
    const href = exportHref(invoicedReport, periodParams.parse({ from: "2026-01-01", to: "2026-03-31" }), { from: "2026-01-01", to: "2026-03-31", extra: "kept" }, "pdf");
    const url = new URL(href, "http://localhost");
    expect(url.pathname).toBe("/api/reports/test-invoiced/export");
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: "2026-01-01", to: "2026-03-31", extra: "kept", format: "pdf" });
    // a reversed range is exported as the page showed it
    const reversed = new URL(exportHref(invoicedReport, periodParams.parse({ from: "2026-03-31", to: "2026-01-01" }), { from: "2026-03-31", to: "2026-01-01" }, "csv"), "http://localhost");
    expect([reversed.searchParams.get("from"), reversed.searchParams.get("to")]).toEqual(["2026-01-01", "2026-03-31"]);
  });

  it("only know csv and pdf", () => {
    expect([parseExportFormat("csv"), parseExportFormat("pdf"), parseExportFormat("xlsx"), parseExportFormat(null)]).toEqual(["csv", "pdf", null, null]);
  });
});

describe("exportReport as PDF", () => {
  it("prints the company, title, what it was run for, every figure and the totals", async () => {
    const file = await exportReport(db, invoicedReport, new URLSearchParams({ ...PERIOD, customerId: acme }), "pdf", TODAY);
    expect(file.filename).toBe("test-invoiced-2026-04-02.pdf");
    expect(file.contentType).toBe("application/pdf");
    const text = pdfText(Buffer.from(file.bytes));
    for (const expected of ["CleanPay Test Co", "Invoiced by customer", "Jan 1, 2026 – Mar 31, 2026", "All currencies", "Customer: Acme Ltd", "Generated Apr 2, 2026"]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain("Acme Ltd 2 $1,235.01 $1,235.01");
    expect(text).toContain("Total 2 $1,235.01 $1,235.01");
    expect(text).not.toContain("Kaisha");
  });

  it("formats each currency in its own decimals", async () => {
    const text = pdfText(Buffer.from((await exportReport(db, invoicedReport, PERIOD, "pdf", TODAY)).bytes));
    expect(text).toContain("Kaisha KK 2 ¥1,234,575 ¥1,234,575");
    expect(text).toContain("Total 3 $1,245.02 $1,245.02");
    expect(text).toContain("Total 2 ¥1,234,575 ¥1,234,575");
  });

  it("repeats the table header on every page and turns landscape when the table is wide", async () => {
    const many: ReportRow[] = Array.from({ length: 90 }, (_, i) => ({ customer: `Customer ${String(i).padStart(2, "0")}`, currency: "KWD", n: 1, total: 1_000n + BigInt(i) }));
    const wide: ReportDefinition<PeriodParams> = {
      ...invoicedReport,
      id: "test-wide",
      title: "Wide test report",
      async run() {
        const columns = [{ key: "customer", label: "Customer", kind: "text" as const }, ...["a", "b", "c", "d", "e", "f"].map((key) => ({ key, label: `Col ${key}`, kind: "count" as const }))];
        return { columns, rows: many.map((row) => ({ ...row, a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })), totals: [] };
      },
    };
    const narrow: ReportDefinition<PeriodParams> = {
      ...invoicedReport,
      id: "test-narrow",
      async run() {
        const columns = [{ key: "customer", label: "Customer", kind: "text" as const }, { key: "total", label: "Amount", kind: "money" as const }];
        return { columns, rows: many, totals: [{ customer: "x", currency: "KWD", total: many.reduce((sum, row) => sum + BigInt(row.total ?? 0n), 0n) }] };
      },
    };
    const narrowPdf = Buffer.from((await exportReport(db, narrow, PERIOD, "pdf", TODAY)).bytes);
    const pages = pdfPages(pdfText(narrowPdf));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain("Customer Amount");
    // 90 × 1.000 + 0.001 × (0 + … + 89) = 94.005
    expect(pages.at(-1)).toContain("Total KWD 94.005");
    expect(pageSize(narrowPdf)).toBe("595.28 x 841.89");
    expect(pageSize(Buffer.from((await exportReport(db, wide, PERIOD, "pdf", TODAY)).bytes))).toBe("841.89 x 595.28");
  });

  it("says so when nothing matches", async () => {
    const text = pdfText(Buffer.from((await exportReport(db, invoicedReport, { from: "2020-01-01", to: "2020-01-31" }, "pdf", TODAY)).bytes));
    expect(text).toContain("Nothing to report for these filters.");
  });
});

/** "595.28 x 841.89" (A4 portrait, points) as poppler's pdfinfo reports the first page. */
function pageSize(pdf: Buffer): string {
  const info = execFileSync("pdfinfo", ["-"], { input: pdf, encoding: "utf8" });
  return /Page size:\s+([\d.]+ x [\d.]+)/.exec(info)?.[1] ?? "";
}

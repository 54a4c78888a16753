import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseMoney } from "@/lib/money";
import { csvColumns, reportToCsv } from "@/lib/reports/csv";
import type { ReportColumn, ReportResult, ReportRow } from "@/lib/reports/types";

// The report CSV writer: money as plain decimals in each row's currency, totals rows last, and
// nothing a spreadsheet would run as a formula.

const columns: ReportColumn[] = [
  { key: "customer", label: "Customer", kind: "text" },
  { key: "count", label: "Invoices", kind: "count" },
  { key: "invoiced", label: "Invoiced", kind: "money" },
  { key: "collected", label: "Collected", kind: "money" },
];

const rows: ReportRow[] = [
  { customer: "Acme Ltd", count: 3, currency: "USD", invoiced: 123_456n, collected: 5n },
  { customer: "Beta GmbH", count: 1, currency: "USD", invoiced: 100n, collected: -2_50n },
  { customer: "Kaisha KK", count: 2, currency: "JPY", invoiced: 1_234_567n, collected: 7n },
  { customer: "Gulf Co", count: 1, currency: "KWD", invoiced: 1_234_567n, collected: 1n },
];

/** One totals row per currency, summed here from the rows so the test data cannot disagree with itself. */
function totalsOf(list: ReportRow[]): ReportRow[] {
  const byCurrency = new Map<string, ReportRow>();
  for (const row of list) {
    const currency = String(row.currency);
    const total = byCurrency.get(currency) ?? { customer: "Total", count: 0, currency, invoiced: 0n, collected: 0n };
    total.count = Number(total.count) + Number(row.count);
    total.invoiced = BigInt(total.invoiced ?? 0n) + BigInt(row.invoiced ?? 0n);
    total.collected = BigInt(total.collected ?? 0n) + BigInt(row.collected ?? 0n);
    byCurrency.set(currency, total);
  }
  return [...byCurrency.values()];
}

const result: ReportResult = { columns, rows, totals: totalsOf(rows) };

function parse(text: string) {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
}

describe("reportToCsv", () => {
  it("writes money in each currency's decimals (JPY 0, USD 2, KWD 3) with the currency beside it", () => {
    const { data, meta } = parse(reportToCsv(result));
    expect(meta.fields).toEqual(["Customer", "Invoices", "Currency", "Invoiced", "Collected"]);
    expect(data.slice(0, 4)).toEqual([
      { Customer: "Acme Ltd", Invoices: "3", Currency: "USD", Invoiced: "1234.56", Collected: "0.05" },
      { Customer: "Beta GmbH", Invoices: "1", Currency: "USD", Invoiced: "1.00", Collected: "-2.50" },
      { Customer: "Kaisha KK", Invoices: "2", Currency: "JPY", Invoiced: "1234567", Collected: "7" },
      { Customer: "Gulf Co", Invoices: "1", Currency: "KWD", Invoiced: "1234.567", Collected: "0.001" },
    ]);
  });

  it("puts one totals row per currency last, labelled Total, and the money columns sum to them exactly", () => {
    const { data } = parse(reportToCsv(result));
    const body = data.filter((row) => row.Customer !== "Total");
    const totals = data.slice(body.length);
    expect(totals.map((row) => [row.Customer, row.Currency])).toEqual([
      ["Total", "USD"],
      ["Total", "JPY"],
      ["Total", "KWD"],
    ]);
    expect(totals.find((row) => row.Currency === "USD")).toMatchObject({ Invoiced: "1235.56", Collected: "-2.45" });
    const minor = (text: string | undefined, currency: string) => {
      const parsed = parseMoney(text ?? "", currency);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.minor;
    };
    for (const total of totals) {
      const currency = total.Currency ?? "";
      const mine = body.filter((row) => row.Currency === currency);
      for (const column of ["Invoiced", "Collected"]) {
        const sum = mine.reduce((acc, row) => acc + minor(row[column], currency), 0n);
        expect(sum, `${currency} ${column}`).toBe(minor(total[column], currency));
      }
    }
  });

  it("labels a totals row Total in its first text column whatever the report put there", () => {
    const text = reportToCsv({ columns, rows: [], totals: [{ customer: "all customers", count: 0, currency: "USD", invoiced: 0n, collected: 0n }] });
    expect(parse(text).data).toEqual([{ Customer: "Total", Invoices: "0", Currency: "USD", Invoiced: "0.00", Collected: "0.00" }]);
  });

  it("keeps a report's own currency column where the report put it", () => {
    const own: ReportColumn[] = [{ key: "currency", label: "Currency", kind: "text" }, ...columns];
    expect(csvColumns({ columns: own, rows, totals: [] }).map((column) => column.key)).toEqual(["currency", "customer", "count", "invoiced", "collected"]);
    // a report with no money has no currency column added
    const counts: ReportColumn[] = [{ key: "status", label: "Status", kind: "text" }, { key: "n", label: "Count", kind: "count" }];
    expect(reportToCsv({ columns: counts, rows: [{ status: "failed", n: 4 }], totals: [] })).toBe("Status,Count\r\nfailed,4\r\n");
  });

  it("defuses cells a spreadsheet would run as a formula, but keeps negative amounts as numbers", () => {
    const evil: ReportRow[] = [
      { customer: '=HYPERLINK("http://evil.test","x")', count: 1, currency: "USD", invoiced: -1_00n, collected: 0n },
      { customer: "+SUM(A1:A9)", count: 1, currency: "USD", invoiced: 0n, collected: 0n },
      { customer: "-2+3", count: 1, currency: "USD", invoiced: 0n, collected: 0n },
      { customer: "@cmd", count: 1, currency: "USD", invoiced: 0n, collected: 0n },
    ];
    const text = reportToCsv({ columns, rows: evil, totals: [] });
    const customers = parse(text).data.map((row) => row.Customer);
    expect(customers).toEqual(['\'=HYPERLINK("http://evil.test","x")', "'+SUM(A1:A9)", "'-2+3", "'@cmd"]);
    expect(parse(text).data[0]?.Invoiced).toBe("-1.00");
  });

  it("writes empty cells for nulls, ISO dates, percents as decimals and CRLF line ends", () => {
    const mixed: ReportColumn[] = [
      { key: "date", label: "Date", kind: "date" },
      { key: "rate", label: "Rate", kind: "percent" },
      { key: "late", label: "Days late", kind: "days" },
      { key: "amount", label: "Amount", kind: "money" },
    ];
    const text = reportToCsv({
      columns: mixed,
      rows: [
        { date: "2026-03-15", rate: 8875n, late: 12, currency: "KWD", amount: null },
        { date: null, rate: "16.000", late: null, currency: "JPY", amount: 0n },
      ],
      totals: [],
    });
    expect(text).toBe("Date,Rate,Days late,Currency,Amount\r\n2026-03-15,8.875,12,KWD,\r\n,16,,JPY,0\r\n");
  });
});

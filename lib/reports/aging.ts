import { AGING_BUCKETS, agingQuery } from "./aging-sql";
import { asOfParams, type AsOfParams } from "./params";
import { flag, toReportRow } from "./sql";
import type { ReportChart, ReportColumn, ReportDefinition, ReportRow } from "./types";
import { queryRows } from "@/db/raw-rows";

// Accounts receivable aging: what each customer owed at the end of a day, by how late it was.
// Balance = invoice total − payments and credits allocated by then (refunds, voided payments and
// lost disputes give the money back as negative allocations on the day they happened). Drafts,
// invoices issued later, and invoices void or written off (uncollectible) by then are left out.

const MONEY_KEYS = [...AGING_BUCKETS.map((bucket) => bucket.key), "total"] as const;
const TEXT_KEYS = ["customerId", "customerName", "customerNumber", "currency"] as const;

/** Customers the chart names one by one; the rest of a currency's book is one "Other" bar. */
const CHART_CUSTOMERS = 10;

const columns: ReportColumn[] = [
  { key: "customerName", label: "Customer", kind: "text" },
  { key: "customerNumber", label: "Customer no.", kind: "text" },
  { key: "currency", label: "Currency", kind: "text" },
  ...AGING_BUCKETS.map((bucket): ReportColumn => ({ key: bucket.key, label: bucket.label, kind: "money" })),
  { key: "total", label: "Total", kind: "money" },
  { key: "invoices", label: "Open invoices", kind: "count" },
];

function toRow(raw: Record<string, unknown>): ReportRow {
  const row = toReportRow(raw, MONEY_KEYS, TEXT_KEYS);
  row.invoices = Number(raw.invoices);
  if (flag(raw.isTotal)) {
    row.customerId = null;
    row.customerName = "Total";
    row.customerNumber = null;
  }
  return row;
}

const money = (row: ReportRow, key: string): bigint => (typeof row[key] === "bigint" ? row[key] : 0n);

/** Per currency: the largest balances one bar each (stacked by age), the rest summed as "Other customers". */
function agingChart(rows: ReportRow[], totals: ReportRow[]): ReportChart {
  const points = totals.map((total) => {
    const currency = String(total.currency);
    const ranked = rows.filter((row) => row.currency === currency).sort((a, b) => (money(b, "total") > money(a, "total") ? 1 : money(b, "total") < money(a, "total") ? -1 : 0));
    const shown = ranked.slice(0, CHART_CUSTOMERS).map((row) => {
      const point: ReportRow = { customerName: row.customerName ?? null, currency };
      for (const key of MONEY_KEYS) point[key] = money(row, key);
      return point;
    });
    if (ranked.length > CHART_CUSTOMERS) {
      // the rest is the currency total minus what is shown, so the bars add up to the totals row
      const other: ReportRow = { customerName: "Other customers", currency };
      for (const key of MONEY_KEYS) other[key] = shown.reduce((left, point) => left - money(point, key), money(total, key));
      shown.push(other);
    }
    return { currency, values: shown };
  });
  return { kind: "stacked-bar", xKey: "customerName", series: AGING_BUCKETS.map((bucket) => ({ key: bucket.key, label: bucket.label })), points };
}

export const agingReport: ReportDefinition<AsOfParams> = {
  id: "aging",
  title: "Accounts receivable aging",
  description:
    "What each customer owed at the end of the chosen day, by days past the due date. Payments, credit notes and refunds count from the day they were recorded; drafts and invoices void or written off by then are left out.",
  params: asOfParams,
  query: agingQuery,
  async run(db, params) {
    const raw = await queryRows(db, agingQuery(params));
    const rows = raw.filter((row) => !flag(row.isTotal)).map(toRow);
    const totals = raw.filter((row) => flag(row.isTotal)).map(toRow);
    return { columns, rows, totals, chart: agingChart(rows, totals) };
  },
};

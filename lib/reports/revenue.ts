import { z } from "zod";
import { optionalParam } from "@/lib/url-params";
import { periodParams } from "./params";
import { REVENUE_BY, revenueQuery, type RevenueBy, type RevenueParams } from "./revenue-sql";
import { flag, toReportRow } from "./sql";
import type { ReportChart, ReportColumn, ReportDefinition, ReportRow } from "./types";
import { queryRows } from "@/db/raw-rows";

export { REVENUE_BY, type RevenueBy, type RevenueParams } from "./revenue-sql";

// Revenue: what was invoiced against what was collected, by month, quarter or customer; by
// product, what was invoiced (line amounts after discounts, before tax). Per currency, never mixed.

export const revenueParams: z.ZodType<RevenueParams> = z
  .intersection(periodParams, z.object({ by: optionalParam(z.enum(REVENUE_BY)) }))
  .transform((raw) => ({ ...raw, by: raw.by ?? "month" }));

/** Bars the customer and product charts draw per currency: the largest, by the first series. */
const CHART_BARS = 12;

const money = (key: string, label: string): ReportColumn => ({ key, label, kind: "money" });
const textColumn = (key: string, label: string): ReportColumn => ({ key, label, kind: "text" });

const FLOW_COLUMNS = [
  money("invoiced", "Invoiced"),
  money("received", "Payments received"),
  money("refunded", "Refunded"),
  money("collected", "Collected (net of refunds)"),
];
const PRODUCT_COLUMNS = [money("net", "Invoiced excl. tax"), money("tax", "Tax"), money("gross", "Invoiced incl. tax")];

interface Shape {
  columns: ReportColumn[];
  text: string[];
  money: string[];
  /** the text cell a totals row reads "Total" in */
  labelKey: string;
  chartSeries: { key: string; label: string }[];
}

const FLOW_SERIES = [
  { key: "invoiced", label: "Invoiced" },
  { key: "collected", label: "Collected" },
];

function shapeOf(by: RevenueBy): Shape {
  const flowMoney = FLOW_COLUMNS.map((column) => column.key);
  if (by === "customer") {
    return {
      columns: [textColumn("customerName", "Customer"), textColumn("customerNumber", "Customer no."), textColumn("currency", "Currency"), ...FLOW_COLUMNS],
      text: ["customerId", "customerName", "customerNumber", "currency"],
      money: flowMoney,
      labelKey: "customerName",
      chartSeries: FLOW_SERIES,
    };
  }
  if (by === "product") {
    return {
      columns: [textColumn("productName", "Product"), textColumn("sku", "SKU"), textColumn("currency", "Currency"), ...PRODUCT_COLUMNS],
      text: ["productId", "productName", "sku", "currency"],
      money: PRODUCT_COLUMNS.map((column) => column.key),
      labelKey: "productName",
      chartSeries: [{ key: "net", label: "Invoiced excl. tax" }],
    };
  }
  return {
    columns: [textColumn("period", by === "month" ? "Month" : "Quarter"), textColumn("currency", "Currency"), ...FLOW_COLUMNS],
    text: ["period", "periodStart", "currency"],
    money: flowMoney,
    labelKey: "period",
    chartSeries: FLOW_SERIES,
  };
}

function toRow(raw: Record<string, unknown>, shape: Shape, by: RevenueBy): ReportRow {
  const row = toReportRow(raw, shape.money, shape.text);
  for (const key of shape.text) if (key !== "currency" && flag(raw.isTotal)) row[key] = null;
  if (flag(raw.isTotal)) row[shape.labelKey] = "Total";
  // invoice lines without a catalogue product (typed descriptions)
  else if (by === "product" && row.productId === null) row.productName = "No product";
  return row;
}

function chartOf(rows: ReportRow[], totals: ReportRow[], shape: Shape, by: RevenueBy): ReportChart {
  const points = totals.map((total) => {
    const currency = String(total.currency);
    const mine = rows.filter((row) => row.currency === currency);
    // periods keep their calendar order (the SQL order); customers and products come largest first, as sorted
    const shown = by === "month" || by === "quarter" ? mine : mine.slice(0, CHART_BARS);
    const values = shown.map((row) => {
      const point: ReportRow = { [shape.labelKey]: row[shape.labelKey] ?? null, currency };
      for (const series of shape.chartSeries) point[series.key] = row[series.key] ?? 0n;
      return point;
    });
    return { currency, values };
  });
  return { kind: "bar", xKey: shape.labelKey, series: shape.chartSeries, points };
}

export const revenueReport: ReportDefinition<RevenueParams> = {
  id: "revenue",
  title: "Revenue",
  description:
    "Invoiced (totals of issued invoices, tax included, by issue date) against collected (payments received, less refunds of payments, by date) per month, quarter or customer. By product: invoice line amounts after discounts, before tax.",
  params: revenueParams,
  query: revenueQuery,
  async run(db, params) {
    const shape = shapeOf(params.by);
    const raw = await queryRows(db, revenueQuery(params));
    const rows = raw.filter((row) => !flag(row.isTotal)).map((row) => toRow(row, shape, params.by));
    const totals = raw.filter((row) => flag(row.isTotal)).map((row) => toRow(row, shape, params.by));
    return { columns: shape.columns, rows, totals, chart: chartOf(rows, totals, shape, params.by) };
  },
};

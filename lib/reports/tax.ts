import { z } from "zod";
import { percentToDecimalString, safeParsePercent } from "@/lib/money";
import { optionalParam } from "@/lib/url-params";
import { periodParams } from "./params";
import { flag, PERIOD_UNITS, toReportRow } from "./sql";
import { taxQuery, type TaxParams } from "./tax-sql";
import type { ReportChart, ReportColumn, ReportDefinition, ReportRow } from "./types";
import { queryRows } from "@/db/raw-rows";

export type { TaxParams } from "./tax-sql";

// Tax per rate and period: what invoices issued in the period charged, less what credit notes
// issued in it gave back, with the amounts the tax was charged on. Per currency, never mixed.

export const taxParams: z.ZodType<TaxParams> = z
  .intersection(periodParams, z.object({ by: optionalParam(z.enum(PERIOD_UNITS)) }))
  .transform((raw) => ({ ...raw, by: raw.by ?? "month" }));

const MONEY_KEYS = ["invoicedBase", "invoicedTax", "creditedBase", "creditedTax", "netTax"] as const;
const TEXT_KEYS = ["period", "periodStart", "taxName", "currency"] as const;

function columnsFor(params: TaxParams): ReportColumn[] {
  return [
    { key: "period", label: params.by === "month" ? "Month" : "Quarter", kind: "text" },
    { key: "taxName", label: "Tax", kind: "text" },
    { key: "rate", label: "Rate", kind: "text" },
    { key: "currency", label: "Currency", kind: "text" },
    { key: "invoicedBase", label: "Taxable amount invoiced", kind: "money" },
    { key: "invoicedTax", label: "Tax invoiced", kind: "money" },
    { key: "creditedBase", label: "Taxable amount credited", kind: "money" },
    { key: "creditedTax", label: "Tax credited", kind: "money" },
    { key: "netTax", label: "Net tax", kind: "money" },
  ];
}

/** "16.000" (the numeric column) → "16%". */
function rateLabel(percent: unknown): string | null {
  if (typeof percent !== "string") return null;
  const parsed = safeParsePercent(percent, { allowOver100: true });
  return parsed.ok ? `${percentToDecimalString(parsed.value)}%` : `${percent}%`;
}

function toRow(raw: Record<string, unknown>): ReportRow {
  const row = toReportRow(raw, MONEY_KEYS, TEXT_KEYS);
  row.rate = rateLabel(raw.percent);
  if (flag(raw.isTotal)) {
    Object.assign(row, { period: "Total", periodStart: null, taxName: null, rate: null });
  }
  return row;
}

/** Net tax per period, one bar per tax (name and rate), per currency. */
function taxChart(rows: ReportRow[], totals: ReportRow[]): ReportChart {
  const seriesKey = new Map<string, string>();
  const series: ReportChart["series"] = [];
  for (const row of rows) {
    const label = `${row.taxName ?? ""} ${row.rate ?? ""}`.trim();
    if (!seriesKey.has(label)) {
      seriesKey.set(label, `tax${seriesKey.size}`);
      series.push({ key: `tax${series.length}`, label });
    }
  }
  const points = totals.map((total) => {
    const currency = String(total.currency);
    const byPeriod = new Map<string, ReportRow>();
    for (const row of rows) {
      if (row.currency !== currency) continue;
      const period = String(row.period);
      const point = byPeriod.get(period) ?? { period, currency, ...Object.fromEntries(series.map((item) => [item.key, 0n])) };
      const key = seriesKey.get(`${row.taxName ?? ""} ${row.rate ?? ""}`.trim());
      if (key) point[key] = row.netTax ?? 0n;
      byPeriod.set(period, point);
    }
    return { currency, values: [...byPeriod.values()] };
  });
  return { kind: "bar", xKey: "period", series, points };
}

export const taxReport: ReportDefinition<TaxParams> = {
  id: "tax",
  title: "Tax",
  description:
    "Tax per rate and month or quarter: tax on invoices issued in the period (drafts and invoices void by its end left out) less tax on credit notes issued in it, with the taxable amounts. A line with two taxes counts its amount under each.",
  params: taxParams,
  query: taxQuery,
  async run(db, params) {
    const raw = await queryRows(db, taxQuery(params));
    const rows = raw.filter((row) => !flag(row.isTotal)).map(toRow);
    const totals = raw.filter((row) => flag(row.isTotal)).map(toRow);
    return { columns: columnsFor(params), rows, totals, chart: taxChart(rows, totals) };
  },
};

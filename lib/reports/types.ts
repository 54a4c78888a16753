import type { SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db";

// The shape every report shares, so one page layout, one CSV writer and one PDF document serve
// them all. Money cells are bigint minor units in the row's `currency`; nothing is summed across
// currencies (one totals row per currency).

export type ReportColumnKind = "text" | "money" | "count" | "date" | "percent" | "days";

export interface ReportColumn {
  key: string;
  label: string;
  kind: ReportColumnKind;
}

/** One table row. A row with money cells has a `currency` cell (ISO 4217). */
export type ReportCell = string | number | bigint | null;
export type ReportRow = Record<string, ReportCell>;

/** A chart the page draws next to the table (Recharts): one series per `series` key over `xKey`. */
export interface ReportChart {
  kind: "bar" | "line" | "stacked-bar" | "pie";
  xKey: string;
  series: { key: string; label: string }[];
  /** chart points are per currency: money as bigint minor units, converted for display by the page */
  points: { currency: string; values: ReportRow[] }[];
}

export interface ReportResult {
  columns: ReportColumn[];
  rows: ReportRow[];
  /** one row per currency, same columns (text columns show "Total") */
  totals: ReportRow[];
  chart?: ReportChart;
}

export interface ReportDefinition<P extends object> {
  /** URL slug: /reports/<id>, /api/reports/<id>/export */
  id: string;
  title: string;
  description: string;
  /** parses the page's searchParams / the export URL (bad values fall back to defaults, never throw) */
  params: z.ZodType<P>;
  /** the report's main statement, run as it is by the bench next to `run` */
  query(params: P): SQL;
  run(db: Db, params: P): Promise<ReportResult>;
}

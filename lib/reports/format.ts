import { formatMoney, minorToDecimalString, percentToDecimalString } from "@/lib/money";
import type { ReportCell, ReportChart, ReportColumn, ReportRow } from "./types";

// How report cells read, on screen, in the PDF and in the CSV. Pure: the page, the PDF and the
// CSV writer share it, so the three never disagree.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** The row's currency (ISO 4217), or null when the row has no money. */
export function rowCurrency(row: ReportRow): string | null {
  const currency = row.currency;
  return typeof currency === "string" && /^[A-Z]{3}$/.test(currency) ? currency : null;
}

/** A money cell as minor units: bigint by contract; an integer number or digit string is accepted too. */
export function moneyMinor(cell: ReportCell | undefined): bigint | null {
  if (typeof cell === "bigint") return cell;
  if (typeof cell === "number" && Number.isSafeInteger(cell)) return BigInt(cell);
  if (typeof cell === "string" && /^-?\d+$/.test(cell)) return BigInt(cell);
  return null;
}

/** "2026-03-15" → "Mar 15, 2026": a calendar date, so no time zone can move it. */
export function formatReportDate(iso: string): string {
  return ISO_DATE.test(iso) ? dateFormat.format(new Date(`${iso}T00:00:00Z`)) : iso;
}

/**
 * A percent cell: bigint = thousandths of a percent (lib/money's scale, 16000n = 16%), a number
 * or a decimal string = the percent itself ("16.000" as a numeric column gives it).
 */
function percentText(cell: ReportCell): string {
  if (typeof cell === "bigint") return percentToDecimalString(cell);
  if (typeof cell === "number") return String(cell);
  const text = String(cell);
  return /^-?\d+\.\d+$/.test(text) ? text.replace(/\.?0+$/, "") : text;
}

function plainText(cell: ReportCell): string {
  return typeof cell === "number" || typeof cell === "bigint" ? cell.toString() : String(cell);
}

/** A cell as a person reads it: money in its row's currency, dates spelled out, counts grouped. */
export function displayCell(column: ReportColumn, row: ReportRow): string {
  const cell = row[column.key];
  if (cell === null || cell === undefined) return "";
  switch (column.kind) {
    case "money": {
      const minor = moneyMinor(cell);
      const currency = rowCurrency(row);
      return minor !== null && currency ? formatMoney(minor, currency) : plainText(cell);
    }
    case "count":
    case "days":
      return typeof cell === "number" || typeof cell === "bigint" ? cell.toLocaleString("en-US") : String(cell);
    case "percent":
      return `${percentText(cell)}%`;
    case "date":
      return typeof cell === "string" ? formatReportDate(cell) : plainText(cell);
    case "text":
      return plainText(cell);
  }
}

/** A cell as the CSV holds it: money as a plain decimal in the row's currency, dates ISO, no grouping. */
export function csvValue(column: ReportColumn, row: ReportRow): string {
  const cell = row[column.key];
  if (cell === null || cell === undefined) return "";
  if (column.kind === "money") {
    const minor = moneyMinor(cell);
    const currency = rowCurrency(row);
    return minor !== null && currency ? minorToDecimalString(minor, currency) : plainText(cell);
  }
  if (column.kind === "percent") return percentText(cell);
  return plainText(cell);
}

/** Right-aligned on screen and in the PDF. */
export function isNumericColumn(column: ReportColumn): boolean {
  return column.kind !== "text" && column.kind !== "date";
}

export interface ChartSeries {
  key: string;
  label: string;
  /** money series are in the chart's currency; the rest are plain numbers (counts) */
  money: boolean;
}

export interface PlotGroup {
  currency: string;
  series: ChartSeries[];
  /** the x value as text and one number per series, in major units: for drawing only */
  points: Record<string, string | number>[];
}

/**
 * The report's chart as the browser draws it, one group per currency. Money becomes a float in
 * major units here and only here: a plotted bar needs no exactness, every printed figure does.
 */
export function plotGroups(chart: ReportChart): PlotGroup[] {
  return chart.points.map(({ currency, values }) => {
    const series = chart.series.map((item) => ({ ...item, money: values.some((value) => typeof value[item.key] === "bigint") }));
    const points = values.map((value) => {
      const point: Record<string, string | number> = { [chart.xKey]: value[chart.xKey] === null || value[chart.xKey] === undefined ? "" : String(value[chart.xKey]) };
      for (const item of series) {
        const cell = value[item.key];
        const minor = item.money ? moneyMinor(cell ?? null) : null;
        if (minor !== null) point[item.key] = Number(minorToDecimalString(minor, currency));
        else point[item.key] = typeof cell === "number" ? cell : Number(cell ?? 0) || 0;
      }
      return point;
    });
    return { currency, series, points };
  });
}

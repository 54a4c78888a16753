import { sql, type SQL } from "drizzle-orm";
import { minorCell } from "@/db/raw-rows";
import type { ReportRow } from "./types";

// SQL fragments the report modules share. Reports run one raw statement each (what the bench
// times), so money leaves the database as text and becomes bigint here: sum(bigint) is numeric,
// which the drivers would otherwise hand back as a string or a float.

/** Grouping of dated rows: calendar months or quarters (UTC calendar, like todayIso). */
export const PERIOD_UNITS = ["month", "quarter"] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/**
 * The first instant after the calendar day `isoDate` (UTC): "as of a date" means every row created
 * before this, so a timestamp on the day itself counts and one on the next day does not.
 */
export function endOfDay(isoDate: string): SQL {
  return sql`((${isoDate}::date + 1)::timestamp at time zone 'UTC')`;
}

/** `expression` (a date) → the first day of its month or quarter, as a date. */
export function periodStart(expression: SQL, unit: PeriodUnit): SQL {
  return sql`date_trunc(${sql.raw(`'${unit}'`)}, (${expression})::timestamp)::date`;
}

/** "2026-03" for a month, "2026-Q1" for a quarter: the label of a period start. */
export function periodLabel(expression: SQL, unit: PeriodUnit): SQL {
  return unit === "month" ? sql`to_char(${expression}, 'YYYY-MM')` : sql`to_char(${expression}, 'YYYY-"Q"Q')`;
}

/** Periods between two ISO dates, counting both ends' periods: 2026-01-15 → 2026-03-01 is 3 months. */
export function periodCount(from: string, to: string, unit: PeriodUnit): number {
  const months = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  const span = unit === "month" ? 1 : 3;
  return Math.floor(months(to) / span) - Math.floor(months(from) / span) + 1;
}

/**
 * Every period from the one holding `from` to the one holding `to`: empty periods still get a row.
 * A series of integers, so the planner knows how many rows it gives (for dates it guesses 1,000,
 * which inflates the plan's cost into JIT compilation that takes longer than the query).
 */
export function periodSeries(from: string, to: string, unit: PeriodUnit): SQL {
  const months = unit === "month" ? 1 : 3;
  return sql`select (${periodStart(sql`${from}::date`, unit)} + make_interval(months => n * ${sql.raw(String(months))}))::date as period
    from generate_series(0, ${sql.raw(String(periodCount(from, to, unit) - 1))}) n`;
}

/** Σ of a money expression as exact text, 0 when nothing matched. */
export function sumText(expression: SQL, filter?: SQL): SQL {
  return filter ? sql`coalesce(sum(${expression}) filter (where ${filter}), 0)::text` : sql`coalesce(sum(${expression}), 0)::text`;
}

/** `and` of the fragments that are present (optional filters). */
export function allOf(...parts: (SQL | undefined)[]): SQL {
  const present = parts.filter((part): part is SQL => part !== undefined);
  return present.length === 0 ? sql`true` : sql.join(present, sql` and `);
}

/** `column = value` when a filter value was given, else nothing. */
export function equalsIfGiven(column: SQL, value: string | undefined): SQL | undefined {
  return value === undefined ? undefined : sql`${column} = ${value}`;
}

/** A text cell from the database; null stays null. */
export function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

/** A boolean from the database (PGlite and postgres.js both give booleans; "t" for safety). */
export function flag(value: unknown): boolean {
  return value === true || value === "t" || value === "true";
}

/** The row's money cells as bigint, its other listed cells as text. */
export function toReportRow(raw: Record<string, unknown>, moneyKeys: readonly string[], textKeys: readonly string[]): ReportRow {
  const row: ReportRow = {};
  for (const key of textKeys) row[key] = text(raw[key]);
  for (const key of moneyKeys) row[key] = minorCell(raw[key]);
  return row;
}

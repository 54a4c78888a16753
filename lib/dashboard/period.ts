import { addDaysIso, dateFromIso, todayIso } from "@/lib/invoices/dates";

// Calendar arithmetic on ISO dates (yyyy-mm-dd, UTC calendar like lib/invoices/dates.ts). Pure, so
// the page, the queries and the tests agree on what "this month" and "the last 12 months" are.

/** The first day of the month `iso` is in. */
export function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/** The first day of the month `months` months after (or before, when negative) the one `iso` is in. */
export function addMonthsStart(iso: string, months: number): string {
  const date = dateFromIso(monthStart(iso));
  date.setUTCMonth(date.getUTCMonth() + months);
  return todayIso(date);
}

/** The last day of the month `iso` is in. */
export function monthEnd(iso: string): string {
  return addDaysIso(addMonthsStart(iso, 1), -1);
}

/** Whole months from the month of `from` to the month of `to`, both counted. */
export function monthSpan(from: string, to: string): number {
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** "2026-03" → "Mar 2026", for chart axes (UTC, so it never slips a month). */
export function monthLabel(month: string): string {
  return dateFromIso(`${month}-01`).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
}

export interface MonthWindows {
  /** the month `to` is in, from its first day up to `to` */
  thisMonth: { from: string; to: string };
  /** the whole calendar month before it */
  lastMonth: { from: string; to: string };
}

/** "This month vs last": the month of the range's end so far, against all of the month before. */
export function monthWindows(to: string): MonthWindows {
  const start = monthStart(to);
  const previous = addMonthsStart(to, -1);
  return { thisMonth: { from: start, to }, lastMonth: { from: previous, to: addDaysIso(start, -1) } };
}

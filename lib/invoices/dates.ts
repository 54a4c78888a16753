/**
 * Calendar dates (yyyy-mm-dd) for invoices. The company has no time zone setting yet, so "today"
 * is the UTC date, the same calendar formatDocumentNumber reads its {YYYY} and {MM} from.
 */

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Midnight UTC of an ISO date, for the number series period and format. */
export function dateFromIso(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function addDaysIso(iso: string, days: number): string {
  const date = dateFromIso(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return todayIso(date);
}

/** A real calendar date in ISO form (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(dateFromIso(value).getTime()) && todayIso(dateFromIso(value)) === value;
}

import { z } from "zod";
import { isIsoDate } from "@/lib/invoices/dates";
import { optionalParam } from "@/lib/url-params";
import { addMonthsStart, monthSpan } from "./period";

// The dashboard's URL state: ?from=&to=&currency=. Hand-edited URLs fall back to defaults rather
// than failing the page. No server imports: the filter form reads the same values.

/** Longest range the monthly chart draws; a longer one keeps its last MAX_MONTHS months. */
export const MAX_MONTHS = 36;

const isoDate = z.string().refine(isIsoDate);
const currencyCode = z
  .string()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/);

const raw = z.object({ from: optionalParam(isoDate), to: optionalParam(isoDate), currency: optionalParam(currencyCode) });

export interface DashboardParams {
  from: string;
  to: string;
  /** as asked for in the URL; the page picks the default when it is absent or has no data */
  currency: string | undefined;
  /** whether from/to came from the URL (the filter form shows "reset" then) */
  custom: boolean;
}

/**
 * Defaults: `to` = today, `from` = the first day of the month 11 months before `to`'s, so the
 * charts show 12 whole months. A reversed range is read as meant; a range longer than MAX_MONTHS
 * keeps its last MAX_MONTHS months.
 */
export function parseDashboardParams(searchParams: Record<string, unknown>, today: string): DashboardParams {
  const parsed = raw.parse(searchParams);
  let to = parsed.to ?? today;
  let from = parsed.from ?? addMonthsStart(to, -11);
  if (from > to) [from, to] = [to, from];
  if (monthSpan(from, to) > MAX_MONTHS) from = addMonthsStart(to, -(MAX_MONTHS - 1));
  return { from, to, currency: parsed.currency, custom: parsed.from !== undefined || parsed.to !== undefined };
}

/** The query string of a dashboard view, e.g. for links that keep the range and currency. */
export function dashboardQuery(params: { from: string; to: string; currency: string }): string {
  return new URLSearchParams({ from: params.from, to: params.to, currency: params.currency }).toString();
}

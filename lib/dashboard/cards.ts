import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { roundHalfAwayFromZero } from "@/lib/money";
import { addDaysIso } from "@/lib/invoices/dates";
import { monthWindows, type MonthWindows } from "./period";
import { int, OPEN_STATUS_LIST, str } from "./sql";
import { queryRows, minorCell } from "@/db/raw-rows";

export interface DashboardCards {
  currency: string;
  revenue: {
    windows: MonthWindows;
    thisMonth: bigint;
    lastMonth: bigint;
    /** change in tenths of a percent (125n = +12.5%); null when last month had nothing to compare with */
    changeTenths: bigint | null;
  };
  /** open invoices (finalized, sent, viewed, partial) now */
  outstanding: { amount: bigint; count: number };
  /** open invoices with an amount due past their due date, today */
  overdue: { amount: bigint; count: number };
  /** invoices paid within the range: average of (paid date − issue date), one decimal; null when none */
  daysToPay: { average: string | null; count: number };
}

/** Net collected in two windows, one statement: succeeded payments by received_on − succeeded refunds of payments by refunded_on. */
async function collectedByWindow(db: Db, currency: string, windows: MonthWindows) {
  const { thisMonth: t, lastMonth: l } = windows;
  const [row] = await queryRows(
    db,
    sql`select
          coalesce(sum(amount) filter (where day between ${t.from}::date and ${t.to}::date), 0)::text as this_month,
          coalesce(sum(amount) filter (where day between ${l.from}::date and ${l.to}::date), 0)::text as last_month
        from (
          select received_on as day, amount from payments
          where status = 'succeeded' and currency = ${currency} and received_on between ${l.from}::date and ${t.to}::date
          union all
          select refunded_on, -amount from refunds
          where status = 'succeeded' and payment_id is not null and currency = ${currency} and refunded_on between ${l.from}::date and ${t.to}::date
        ) money`,
  );
  return { thisMonth: minorCell(row?.this_month), lastMonth: minorCell(row?.last_month) };
}

/** Outstanding, overdue and days to pay from the invoices table in one pass. */
async function invoiceFigures(db: Db, currency: string, range: { from: string; to: string }, today: string) {
  const open = sql.raw(OPEN_STATUS_LIST);
  // paid_at is a timestamp: compare on its UTC calendar date, the calendar "today" is in
  const paidFrom = `${range.from}T00:00:00Z`;
  const paidBefore = `${addDaysIso(range.to, 1)}T00:00:00Z`;
  const [row] = await queryRows(
    db,
    sql`select
          coalesce(sum(amount_due) filter (where status in (${open})), 0)::text as outstanding,
          (count(*) filter (where status in (${open}) and amount_due > 0))::int as outstanding_count,
          coalesce(sum(amount_due) filter (where status in (${open}) and due_date < ${today}::date), 0)::text as overdue,
          (count(*) filter (where status in (${open}) and due_date < ${today}::date and amount_due > 0))::int as overdue_count,
          round(avg(((paid_at at time zone 'UTC')::date - issue_date)) filter (where status = 'paid' and paid_at >= ${paidFrom}::timestamptz and paid_at < ${paidBefore}::timestamptz), 1)::text as days_to_pay,
          (count(*) filter (where status = 'paid' and paid_at >= ${paidFrom}::timestamptz and paid_at < ${paidBefore}::timestamptz))::int as paid_count
        from invoices
        where currency = ${currency} and deleted_at is null and (status in (${open}) or status = 'paid')`,
  );
  return {
    outstanding: { amount: minorCell(row?.outstanding), count: int(row?.outstanding_count) },
    overdue: { amount: minorCell(row?.overdue), count: int(row?.overdue_count) },
    daysToPay: { average: row?.days_to_pay === null || row?.days_to_pay === undefined ? null : str(row.days_to_pay), count: int(row?.paid_count) },
  };
}

/** (this − last) / last in tenths of a percent, rounded half away from zero. */
export function changeTenths(thisMonth: bigint, lastMonth: bigint): bigint | null {
  if (lastMonth === 0n) return null;
  return roundHalfAwayFromZero((thisMonth - lastMonth) * 1000n, lastMonth < 0n ? -lastMonth : lastMonth);
}

/** "+12.5%", "−3.0%", "0.0%". */
export function formatChange(tenths: bigint): string {
  const sign = tenths > 0n ? "+" : tenths < 0n ? "−" : "";
  const abs = tenths < 0n ? -tenths : tenths;
  return `${sign}${abs / 10n}.${abs % 10n}%`;
}

export async function dashboardCards(db: Db, currency: string, range: { from: string; to: string }, today: string): Promise<DashboardCards> {
  const windows = monthWindows(range.to);
  const [collected, figures] = await Promise.all([collectedByWindow(db, currency, windows), invoiceFigures(db, currency, range, today)]);
  return {
    currency,
    revenue: { windows, ...collected, changeTenths: changeTenths(collected.thisMonth, collected.lastMonth) },
    ...figures,
  };
}

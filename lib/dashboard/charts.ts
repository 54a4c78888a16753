import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { paymentMethodEnum, type PaymentMethodName } from "@/db/schema";
import type { DisplayStatus } from "@/lib/invoices/status";
import { int, OPEN_STATUS_LIST, str } from "./sql";
import { queryRows, minorCell } from "@/db/raw-rows";

export interface Range {
  from: string;
  to: string;
}

export interface MonthPoint {
  /** "2026-03" */
  month: string;
  /** succeeded payments received − succeeded refunds of payments, that month */
  collected: bigint;
  /** totals of the non-draft, non-void invoices issued that month */
  invoiced: bigint;
}

/**
 * Collected vs invoiced per calendar month of the range, every month present (zero when empty):
 * one statement, generate_series for the months. The first and last months count only the days
 * inside the range.
 */
export async function revenueByMonth(db: Db, currency: string, range: Range): Promise<MonthPoint[]> {
  const rows = await queryRows(
    db,
    sql`with months as (
          select m::date as month
          from generate_series(date_trunc('month', ${range.from}::date), date_trunc('month', ${range.to}::date), interval '1 month') m
        ),
        collected as (
          select date_trunc('month', day)::date as month, sum(amount) as amount from (
            select received_on as day, amount from payments
            where status = 'succeeded' and currency = ${currency} and received_on between ${range.from}::date and ${range.to}::date
            union all
            select refunded_on, -amount from refunds
            where status = 'succeeded' and payment_id is not null and currency = ${currency} and refunded_on between ${range.from}::date and ${range.to}::date
          ) money
          group by 1
        ),
        invoiced as (
          select date_trunc('month', issue_date)::date as month, sum(total) as amount from invoices
          where status not in ('draft', 'void') and deleted_at is null and currency = ${currency}
            and issue_date between ${range.from}::date and ${range.to}::date
          group by 1
        )
        select to_char(months.month, 'YYYY-MM') as month,
               coalesce(collected.amount, 0)::text as collected,
               coalesce(invoiced.amount, 0)::text as invoiced
        from months
        left join collected on collected.month = months.month
        left join invoiced on invoiced.month = months.month
        order by months.month`,
  );
  return rows.map((row) => ({ month: str(row.month), collected: minorCell(row.collected), invoiced: minorCell(row.invoiced) }));
}

// the database only returns values of these enums; anything else would be a schema change
function knownStatus(value: string): DisplayStatus {
  const status = STATUS_ORDER.find((known) => known === value);
  if (!status) throw new Error(`unknown invoice status ${value}`);
  return status;
}

function knownMethod(value: string): PaymentMethodName {
  const method = paymentMethodEnum.enumValues.find((known) => known === value);
  if (!method) throw new Error(`unknown payment method ${value}`);
  return method;
}

export interface StatusSlice {
  status: DisplayStatus;
  count: number;
  total: bigint;
  amountDue: bigint;
}

/** The order the chart and its table list statuses in. */
export const STATUS_ORDER: readonly DisplayStatus[] = ["draft", "finalized", "sent", "viewed", "partial", "overdue", "paid", "uncollectible", "void"];

/**
 * Invoices issued in the range by the status their badge shows ("overdue" derived as in
 * lib/invoices/status.ts): count, Σ total and Σ amount due. Drafts count here (they are a status),
 * unlike in "invoiced".
 */
export async function statusBreakdown(db: Db, currency: string, range: Range, today: string): Promise<StatusSlice[]> {
  const open = sql.raw(OPEN_STATUS_LIST);
  const rows = await queryRows(
    db,
    sql`select
          case when status in (${open}) and amount_due > 0 and due_date < ${today}::date then 'overdue' else status::text end as status,
          count(*)::int as count,
          sum(total)::text as total,
          sum(amount_due)::text as amount_due
        from invoices
        where deleted_at is null and currency = ${currency} and issue_date between ${range.from}::date and ${range.to}::date
        group by 1`,
  );
  const slices = rows.map((row) => ({ status: knownStatus(str(row.status)), count: int(row.count), total: minorCell(row.total), amountDue: minorCell(row.amount_due) }));
  return slices.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

export interface MethodSlice {
  method: PaymentMethodName;
  count: number;
  amount: bigint;
}

/** Succeeded payments received in the range by method (gross: refunds are not taken off), largest first. */
export async function methodBreakdown(db: Db, currency: string, range: Range): Promise<MethodSlice[]> {
  const rows = await queryRows(
    db,
    sql`select method::text as method, count(*)::int as count, sum(amount)::text as amount
        from payments
        where status = 'succeeded' and currency = ${currency} and received_on between ${range.from}::date and ${range.to}::date
        group by method
        order by sum(amount) desc, method`,
  );
  return rows.map((row) => ({ method: knownMethod(str(row.method)), count: int(row.count), amount: minorCell(row.amount) }));
}

import { and, asc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, invoices, type InvoiceStatus } from "@/db/schema";
import { OPEN_STATUSES } from "@/lib/invoices/status";

export const OVERDUE_LIMIT = 10;

export interface OverdueInvoice {
  id: string;
  number: string;
  status: InvoiceStatus;
  customerId: string;
  customerName: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  daysOverdue: number;
  total: bigint;
  amountDue: bigint;
}

/** Open invoices past due with money still owed, in one currency, the longest overdue first. */
export async function overdueInvoices(db: Db, currency: string, today: string, limit = OVERDUE_LIMIT): Promise<OverdueInvoice[]> {
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      status: invoices.status,
      customerId: invoices.customerId,
      customerName: customers.displayName,
      currency: invoices.currency,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      daysOverdue: sql<number>`(${today}::date - ${invoices.dueDate})::int`,
      total: invoices.total,
      amountDue: invoices.amountDue,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(
      and(
        eq(invoices.currency, currency),
        isNull(invoices.deletedAt),
        inArray(invoices.status, [...OPEN_STATUSES]),
        lt(invoices.dueDate, today),
        gt(invoices.amountDue, 0n),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.number))
    .limit(limit);
  // open invoices are finalized, so they always have a number
  return rows.map((row) => ({ ...row, number: row.number ?? "", daysOverdue: Number(row.daysOverdue) }));
}

import { and, count, desc, eq, inArray, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { invoices } from "@/db/schema";
import type { InvoiceStatus } from "@/db/schema/invoices";
import { todayIso } from "@/lib/invoices/dates";
import { displayStatus, OPEN_STATUSES, type DisplayStatus } from "@/lib/invoices/status";
import { customerCreditByCurrency } from "@/lib/payments/credit";
import { sumMinor } from "@/lib/payments/sql";

// The invoice figures of the customer detail page: what was billed, paid and is still owed, per
// currency (a customer can be invoiced in more than one), and the rows of its Invoices tab.

/** Statuses that count as billed: issued and not withdrawn. Drafts and void invoices bill nothing. */
const BILLED_STATUSES = ["finalized", "sent", "viewed", "partial", "paid", "uncollectible"] as const satisfies readonly InvoiceStatus[];

export interface CurrencyTotals {
  currency: string;
  /** Σ total of issued invoices (not drafts, not void) */
  billed: bigint;
  /** Σ amount paid on them */
  paid: bigint;
  /** Σ amount due of open invoices (written-off ones are not expected any more) */
  outstanding: bigint;
  /** the part of outstanding whose due date has passed */
  overdue: bigint;
  /** unallocated customer credit (payments and credit notes not yet applied or refunded) */
  credit: bigint;
}

export interface CustomerInvoiceSummary {
  /** live invoices, drafts included */
  invoiceCount: number;
  /** one row per currency invoiced or credited, the customer's own currency first (always present) */
  totals: CurrencyTotals[];
  /** mean days from issue to full payment over paid invoices; null before the first one */
  averageDaysToPay: number | null;
}

export async function customerInvoiceSummary(
  db: Db,
  customer: { id: string; currency: string },
  today: string = todayIso(),
): Promise<CustomerInvoiceSummary> {
  const live = and(eq(invoices.customerId, customer.id), isNull(invoices.deletedAt));
  const billed = inArray(invoices.status, BILLED_STATUSES);
  const open = inArray(invoices.status, OPEN_STATUSES);
  const [countRow, perCurrency, days, credit] = await Promise.all([
    db.select({ n: count() }).from(invoices).where(live),
    db
      .select({
        currency: invoices.currency,
        billed: sumMinor(invoices.total, billed),
        paid: sumMinor(invoices.amountPaid, billed),
        outstanding: sumMinor(invoices.amountDue, open),
        overdue: sumMinor(invoices.amountDue, and(open, lt(invoices.dueDate, today))),
      })
      .from(invoices)
      .where(and(live, ne(invoices.status, "draft")))
      .groupBy(invoices.currency)
      .orderBy(invoices.currency),
    db
      .select({
        // days as a decimal string (numeric), so no float ever reaches the driver
        average: sql<string | null>`round(avg((${invoices.paidAt} at time zone 'UTC')::date - ${invoices.issueDate}), 1)::text`,
      })
      .from(invoices)
      .where(and(live, eq(invoices.status, "paid"), isNotNull(invoices.paidAt))),
    customerCreditByCurrency(db, customer.id),
  ]);

  const byCurrency = new Map<string, CurrencyTotals>();
  const totalsFor = (currency: string) => {
    let row = byCurrency.get(currency);
    if (!row) byCurrency.set(currency, (row = { currency, billed: 0n, paid: 0n, outstanding: 0n, overdue: 0n, credit: 0n }));
    return row;
  };
  totalsFor(customer.currency);
  for (const row of perCurrency) Object.assign(totalsFor(row.currency), row);
  for (const row of credit) totalsFor(row.currency).credit = row.amount;
  const average = days[0]?.average;
  return {
    invoiceCount: countRow[0]?.n ?? 0,
    // the Map keeps insertion order: the customer's currency first, then the others by code
    totals: [...byCurrency.values()],
    averageDaysToPay: average === null || average === undefined ? null : Number(average),
  };
}

export interface CustomerInvoiceRow {
  id: string;
  number: string | null;
  status: DisplayStatus;
  issueDate: string;
  dueDate: string;
  currency: string;
  total: bigint;
  amountDue: bigint;
}

export const CUSTOMER_INVOICES_LIMIT = 100;

/** The customer's newest invoices for its Invoices tab, drafts included, with "overdue" derived. */
export async function listCustomerInvoices(db: Db, customerId: string, today: string = todayIso(), limit = CUSTOMER_INVOICES_LIMIT): Promise<CustomerInvoiceRow[]> {
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      status: invoices.status,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      currency: invoices.currency,
      total: invoices.total,
      amountDue: invoices.amountDue,
    })
    .from(invoices)
    .where(and(eq(invoices.customerId, customerId), isNull(invoices.deletedAt)))
    .orderBy(desc(invoices.issueDate), desc(invoices.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, status: displayStatus(row, today) }));
}

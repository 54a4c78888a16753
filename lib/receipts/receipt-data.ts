import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, customers, invoices, payments, type Payment } from "@/db/schema";
import { isUuid } from "@/lib/customers/detail";
import { invoiceCustomerColumns } from "@/lib/invoices/detail";
import type { InvoiceCustomer } from "@/lib/invoices/detail-types";
import { customerCreditBalance } from "@/lib/payments/credit";

/** One invoice the payment paid: what it applied there, and what is still due on it now. */
export type ReceiptApplication = { invoiceId: string; invoiceNumber: string; applied: bigint; amountDue: bigint };

/** Everything a receipt (PDF or email) says about one payment. */
export interface ReceiptData {
  payment: Payment;
  customer: InvoiceCustomer & { firstName: string | null };
  /** by invoice, in the order the money was applied */
  applied: ReceiptApplication[];
  /** the part of this payment no invoice took: kept as customer credit */
  keptAsCredit: bigint;
  /** all of the customer's credit in the payment's currency, now */
  creditBalance: bigint;
}

/**
 * The payment with its customer and the invoices it was applied to. "Applied" counts what the
 * payment put on each invoice when received (refunds are told by their own notice), and amount
 * due is the invoice's balance as it stands. Null for an unknown id.
 */
export async function loadReceiptData(db: Db, paymentId: string): Promise<ReceiptData | null> {
  if (!isUuid(paymentId)) return null;
  const [row] = await db
    .select({
      payment: payments,
      // the document's customer block, plus the first name a receipt email greets
      customer: { ...invoiceCustomerColumns, firstName: customers.firstName },
    })
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(eq(payments.id, paymentId));
  if (!row) return null;

  // positive rows only: reversals (void) and refund rows are not what was received
  const applied = await db
    .select({
      invoiceId: invoices.id,
      invoiceNumber: sql<string>`coalesce(${invoices.number}, '')`,
      applied: sql<bigint>`sum(${allocations.amount})::text`.mapWith(BigInt),
      amountDue: invoices.amountDue,
    })
    .from(allocations)
    .innerJoin(invoices, eq(invoices.id, allocations.invoiceId))
    .where(and(eq(allocations.paymentId, paymentId), gt(allocations.amount, 0n), isNull(allocations.reversalOfId), isNull(allocations.refundId)))
    .groupBy(invoices.id, invoices.number, invoices.amountDue)
    .orderBy(asc(sql`min(${allocations.createdAt})`), asc(invoices.number));

  const appliedTotal = applied.reduce((total, line) => total + line.applied, 0n);
  const keptAsCredit = row.payment.amount > appliedTotal ? row.payment.amount - appliedTotal : 0n;
  const creditBalance = await customerCreditBalance(db, row.customer.id, row.payment.currency);
  return { payment: row.payment, customer: row.customer, applied, keptAsCredit, creditBalance };
}

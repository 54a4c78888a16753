import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, invoices, paymentMethodConfigs, payments } from "@/db/schema";

/**
 * Customers' "I have paid" submissions waiting for staff, oldest first: customer origin, pending,
 * no gateway (a pending card or PayPal payment is waiting for its gateway, not for a person).
 */
export function listPendingSubmissions(db: Db, limit = 200) {
  return db
    .select({
      id: payments.id,
      number: payments.number,
      amount: payments.amount,
      currency: payments.currency,
      method: payments.method,
      reference: payments.reference,
      receivedOn: payments.receivedOn,
      createdAt: payments.createdAt,
      invoiceId: payments.invoiceId,
      invoiceNumber: invoices.number,
      invoiceAmountDue: invoices.amountDue,
      customerId: payments.customerId,
      customerName: customers.displayName,
      customerNumber: customers.number,
      methodName: paymentMethodConfigs.displayName,
    })
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .leftJoin(invoices, eq(invoices.id, payments.invoiceId))
    .leftJoin(paymentMethodConfigs, eq(paymentMethodConfigs.id, payments.methodConfigId))
    .where(and(eq(payments.status, "pending"), eq(payments.origin, "customer"), isNull(payments.gateway)))
    .orderBy(asc(payments.createdAt), asc(payments.id))
    .limit(limit);
}
export type PendingSubmission = Awaited<ReturnType<typeof listPendingSubmissions>>[number];

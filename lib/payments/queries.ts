import { and, asc, desc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, invoices, payments, refunds, type PaymentMethodName, type PaymentStatus } from "@/db/schema";
import { sumMinor } from "./sql";

export type PaymentAllocationRow = {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  amount: bigint;
  createdAt: Date;
  /** a negative row that undoes an earlier one (the payment was voided) */
  isReversal: boolean;
};

export type PaymentRow = {
  id: string;
  number: string;
  receivedOn: string;
  method: PaymentMethodName;
  currency: string;
  amount: bigint;
  status: PaymentStatus;
  reference: string | null;
  voidReason: string | null;
  /** customer credit left on it: 0 unless it succeeded */
  unallocated: bigint;
  allocations: PaymentAllocationRow[];
};

const paymentColumns = {
  id: payments.id,
  number: payments.number,
  receivedOn: payments.receivedOn,
  method: payments.method,
  currency: payments.currency,
  amount: payments.amount,
  status: payments.status,
  reference: payments.reference,
  voidReason: payments.voidReason,
};

/** Each payment with its allocations and what is left of it as customer credit. */
async function withAllocations(db: Db, rows: Omit<PaymentRow, "unallocated" | "allocations">[]): Promise<PaymentRow[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const allocationRows = await db
    .select({
      id: allocations.id,
      paymentId: allocations.paymentId,
      invoiceId: allocations.invoiceId,
      invoiceNumber: invoices.number,
      amount: allocations.amount,
      createdAt: allocations.createdAt,
      reversalOfId: allocations.reversalOfId,
    })
    .from(allocations)
    .innerJoin(invoices, eq(invoices.id, allocations.invoiceId))
    .where(inArray(allocations.paymentId, ids))
    .orderBy(asc(allocations.createdAt), asc(allocations.id));
  const refunded = await db
    .select({ paymentId: refunds.paymentId, total: sumMinor(refunds.amount) })
    .from(refunds)
    .where(and(isNotNull(refunds.paymentId), inArray(refunds.paymentId, ids), ne(refunds.status, "failed")))
    .groupBy(refunds.paymentId);
  const refundedBy = new Map(refunded.map((row) => [row.paymentId, row.total]));

  return rows.map((row) => {
    const own = allocationRows
      .filter((allocation) => allocation.paymentId === row.id)
      .map((allocation) => ({
        id: allocation.id,
        invoiceId: allocation.invoiceId,
        invoiceNumber: allocation.invoiceNumber ?? "",
        amount: allocation.amount,
        createdAt: allocation.createdAt,
        isReversal: allocation.reversalOfId !== null,
      }));
    const allocated = own.reduce((sum, allocation) => sum + allocation.amount, 0n);
    const unallocated = row.status !== "succeeded" ? 0n : row.amount - allocated - (refundedBy.get(row.id) ?? 0n);
    return { ...row, unallocated, allocations: own };
  });
}

/** Payments applied to one invoice (voided ones too, with their reversals), oldest first; each lists only its rows on this invoice. */
export async function listInvoicePayments(db: Db, invoiceId: string): Promise<PaymentRow[]> {
  const ids = db.selectDistinct({ id: allocations.paymentId }).from(allocations).where(eq(allocations.invoiceId, invoiceId));
  const rows = await db
    .select(paymentColumns)
    .from(payments)
    .where(inArray(payments.id, ids))
    .orderBy(asc(payments.receivedOn), asc(payments.createdAt));
  const full = await withAllocations(db, rows);
  return full.map((row) => ({ ...row, allocations: row.allocations.filter((allocation) => allocation.invoiceId === invoiceId) }));
}

/** A customer's payments, newest first, with where each one went and what is left as credit. */
export async function listCustomerPayments(db: Db, customerId: string, limit = 200): Promise<PaymentRow[]> {
  const rows = await db
    .select(paymentColumns)
    .from(payments)
    .where(eq(payments.customerId, customerId))
    .orderBy(desc(payments.receivedOn), desc(payments.createdAt))
    .limit(limit);
  return withAllocations(db, rows);
}

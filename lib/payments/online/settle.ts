import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, invoices, payments, type Payment } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { isUuid } from "@/lib/customers/detail";
import { UserError } from "@/lib/errors";
import { refreshInvoiceBalance } from "@/lib/invoices/balance";
import { isOpen } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { lockCustomerCredit } from "../credit-lock";
import { nextReceiptNumber } from "../numbers";

/** What the gateway says it took. Amount and currency are compared with our pending row. */
export interface GatewayReport {
  amount: bigint;
  currency: string;
  gatewayPaymentId?: string | null;
  feeAmount?: bigint | null;
  netAmount?: bigint | null;
  payerEmail?: string | null;
}

export type SettleResult = { outcome: "applied" | "ignored" | "held"; reason?: string; payment: Payment };

const PAYMENT_NOT_FOUND = "This payment no longer exists.";

/**
 * The payment row locked for a money change, after its customer's credit lock: the same order as
 * voiding and refunding, so they queue instead of deadlocking.
 */
export async function lockPayment(tx: Db, paymentId: string): Promise<Payment> {
  if (!isUuid(paymentId)) throw new UserError(PAYMENT_NOT_FOUND);
  const [head] = await tx.select({ customerId: payments.customerId }).from(payments).where(eq(payments.id, paymentId));
  if (!head) throw new UserError(PAYMENT_NOT_FOUND);
  await lockCustomerCredit(tx, head.customerId);
  const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
  if (!payment) throw new UserError(PAYMENT_NOT_FOUND);
  return payment;
}

/**
 * Money arrived: pending (or failed, when the customer retried in the same session) → succeeded,
 * exactly once. The amount goes to the payment's invoice up to what is due; anything more (a
 * second tab paid the same invoice) stays on the payment as customer credit, never lost. A report
 * whose amount or currency differs from ours is held for a person and changes nothing.
 */
export async function settlePayment(tx: Db, paymentId: string, report: GatewayReport, actor: Actor, decidedBy?: string | null): Promise<SettleResult> {
  const payment = await lockPayment(tx, paymentId);
  if (payment.status === "succeeded") return { outcome: "ignored", payment };
  if (payment.status !== "pending" && payment.status !== "failed") {
    return { outcome: "held", reason: `${payment.number} is ${payment.status}, but the gateway reports it paid.`, payment };
  }
  const currency = report.currency.toUpperCase();
  if (currency !== payment.currency || report.amount !== payment.amount) {
    const reported = currency.length === 3 ? formatMoney(report.amount, currency) : `${report.amount} ${currency}`;
    const reason = `The gateway reported ${reported} for ${payment.number}, which is ${formatMoney(payment.amount, payment.currency)}.`;
    return { outcome: "held", reason, payment };
  }

  const allocated = payment.invoiceId ? await allocateToInvoice(tx, payment, actor) : 0n;
  const now = new Date();
  const [settled] = await tx
    .update(payments)
    .set({
      status: "succeeded",
      succeededAt: now,
      receiptNumber: await nextReceiptNumber(tx, now),
      gatewayPaymentId: report.gatewayPaymentId ?? payment.gatewayPaymentId,
      feeAmount: report.feeAmount ?? payment.feeAmount,
      netAmount: report.netAmount ?? payment.netAmount,
      payerEmail: report.payerEmail ?? payment.payerEmail,
      failureReason: null,
      ...(decidedBy ? { decidedAt: now, decidedBy } : {}),
    })
    .where(eq(payments.id, paymentId))
    .returning();
  if (!settled) throw new Error(`payment ${paymentId} vanished under its lock`);
  await writeAudit(tx, actor, {
    action: decidedBy ? "payment.approve" : "payment.succeed",
    entityType: "payment",
    entityId: paymentId,
    before: { status: payment.status },
    after: { status: "succeeded", receiptNumber: settled.receiptNumber, invoiceId: payment.invoiceId, allocated, credit: payment.amount - allocated, gatewayPaymentId: settled.gatewayPaymentId },
  });
  return { outcome: "applied", payment: settled };
}

/** Applies the payment to its invoice (locked) up to the amount due; returns what it applied. */
async function allocateToInvoice(tx: Db, payment: Payment, actor: Actor): Promise<bigint> {
  const invoiceId = payment.invoiceId;
  if (!invoiceId) return 0n;
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for("update");
  if (!invoice || invoice.deletedAt || !isOpen(invoice.status) || invoice.customerId !== payment.customerId || invoice.currency !== payment.currency) return 0n;
  const amount = payment.amount < invoice.amountDue ? payment.amount : invoice.amountDue;
  if (amount <= 0n) return 0n;
  await tx.insert(allocations).values({ invoiceId, paymentId: payment.id, amount, createdBy: actor.userId });
  await refreshInvoiceBalance(tx, invoiceId);
  return amount;
}

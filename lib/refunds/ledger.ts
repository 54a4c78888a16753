import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, payments, refunds, type Payment, type Refund } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { isUuid } from "@/lib/customers/detail";
import { UserError } from "@/lib/errors";
import { refreshInvoiceBalance } from "@/lib/invoices/balance";
import { formatMoney } from "@/lib/money";
import { lockInvoicesInOrder } from "@/lib/payments/invoice-checks";
import { lockPayment } from "@/lib/payments/online/settle";
import { sumMinor } from "@/lib/payments/sql";

// Where refunds happen: money paid back out of a payment. A refund is reserved first (it counts
// against what can still be refunded from then on), then completed, which takes the money back off
// the invoices it paid (invariant 3), or failed, which frees the reservation.

export type RefundOrigin = Refund["origin"];

const REFUND_NOT_FOUND = "This refund no longer exists.";

/** What is left to refund of a payment: a succeeded payment's amount − pending and succeeded refunds. */
export async function refundableAmount(tx: Db, paymentId: string): Promise<bigint> {
  const [payment] = await tx.select({ amount: payments.amount, status: payments.status }).from(payments).where(eq(payments.id, paymentId));
  if (!payment || payment.status !== "succeeded") return 0n;
  return payment.amount - (await refundedSoFar(tx, paymentId));
}

async function refundedSoFar(tx: Db, paymentId: string, except?: string): Promise<bigint> {
  const [row] = await tx
    .select({ total: sumMinor(refunds.amount) })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), ne(refunds.status, "failed"), except ? ne(refunds.id, except) : undefined));
  return row?.total ?? 0n;
}

export interface ReserveRefundInput {
  paymentId: string;
  amount: bigint;
  reason?: string | null;
  origin: RefundOrigin;
  status: "pending" | "succeeded";
  gatewayRefundId?: string | null;
}

/**
 * Locks the payment and records a refund of it, refusing more than is left. A refund recorded as
 * succeeded (manual methods, a refund the gateway already made) takes the money back at once.
 */
export async function reserveRefund(tx: Db, input: ReserveRefundInput, actor: Actor): Promise<Refund> {
  const payment = await lockPayment(tx, input.paymentId);
  const refuse = (message: string): never => {
    throw new UserError(message, { amount: [message] });
  };
  if (payment.status !== "succeeded") refuse(`${payment.number} is ${payment.status}; only a received payment can be refunded.`);
  if (input.amount <= 0n) refuse("The amount must be more than 0.");
  const left = payment.amount - (await refundedSoFar(tx, payment.id));
  if (input.amount > left) {
    refuse(left === 0n ? `${payment.number} is already fully refunded.` : `Only ${formatMoney(left, payment.currency)} of ${payment.number} can still be refunded.`);
  }
  const [refund] = await tx
    .insert(refunds)
    .values({
      customerId: payment.customerId,
      paymentId: payment.id,
      currency: payment.currency,
      amount: input.amount,
      method: payment.method,
      status: "pending",
      origin: input.origin,
      reason: input.reason ?? null,
      gateway: payment.gateway,
      gatewayRefundId: input.gatewayRefundId ?? null,
      refundedOn: new Date().toISOString().slice(0, 10),
      createdBy: actor.userId,
    })
    .returning();
  if (!refund) throw new Error("refund insert returned nothing");
  await writeAudit(tx, actor, {
    action: "refund.create",
    entityType: "refund",
    entityId: refund.id,
    after: { paymentId: payment.id, number: payment.number, amount: refund.amount, currency: refund.currency, origin: refund.origin, reason: refund.reason },
  });
  if (input.status === "succeeded") return markSucceeded(tx, payment, refund, input.gatewayRefundId ?? null, actor);
  return refund;
}

/** The refund row locked, after its payment (lock order: customer, payment, refund, invoices). */
async function lockRefund(tx: Db, refundId: string): Promise<{ refund: Refund; payment: Payment }> {
  if (!isUuid(refundId)) throw new UserError(REFUND_NOT_FOUND);
  const [head] = await tx.select({ paymentId: refunds.paymentId }).from(refunds).where(eq(refunds.id, refundId));
  if (!head?.paymentId) throw new UserError(REFUND_NOT_FOUND);
  const payment = await lockPayment(tx, head.paymentId);
  const [refund] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for("update");
  if (!refund) throw new UserError(REFUND_NOT_FOUND);
  return { refund, payment };
}

/** pending → succeeded, once: the money comes back off the invoices. */
export async function completeRefund(tx: Db, refundId: string, gatewayRefundId: string | null, actor: Actor): Promise<"applied" | "ignored"> {
  const { refund, payment } = await lockRefund(tx, refundId);
  if (refund.status !== "pending") return "ignored";
  await markSucceeded(tx, payment, refund, gatewayRefundId, actor);
  return "applied";
}

/** pending → failed, once: the reserved amount can be refunded again. */
export async function failRefund(tx: Db, refundId: string, reason: string, actor: Actor): Promise<"applied" | "ignored"> {
  const { refund } = await lockRefund(tx, refundId);
  if (refund.status !== "pending") return "ignored";
  await tx.update(refunds).set({ status: "failed", failureReason: reason.slice(0, 500) }).where(eq(refunds.id, refund.id));
  await writeAudit(tx, actor, { action: "refund.fail", entityType: "refund", entityId: refund.id, before: { status: "pending" }, after: { status: "failed", reason } });
  return "applied";
}

async function markSucceeded(tx: Db, payment: Payment, refund: Refund, gatewayRefundId: string | null, actor: Actor): Promise<Refund> {
  const reversed = await takeMoneyBack(tx, payment, refund, actor);
  const [done] = await tx
    .update(refunds)
    .set({ status: "succeeded", gatewayRefundId: gatewayRefundId ?? refund.gatewayRefundId, failureReason: null })
    .where(eq(refunds.id, refund.id))
    .returning();
  if (!done) throw new Error(`refund ${refund.id} vanished under its lock`);
  await writeAudit(tx, actor, {
    action: "refund.succeed",
    entityType: "refund",
    entityId: refund.id,
    before: { status: refund.status },
    after: { status: "succeeded", paymentId: payment.id, amount: refund.amount, gatewayRefundId: done.gatewayRefundId, reversed },
  });
  return done;
}

/**
 * The refunded amount comes out of the payment's unallocated credit first, then off the invoices
 * it paid, newest allocation first, as negative allocation rows; balances are recomputed under
 * the invoice locks.
 */
async function takeMoneyBack(tx: Db, payment: Payment, refund: Refund, actor: Actor): Promise<{ invoiceId: string; amount: bigint }[]> {
  const perInvoice = await tx
    .select({ invoiceId: allocations.invoiceId, net: sumMinor(allocations.amount) })
    .from(allocations)
    .where(eq(allocations.paymentId, payment.id))
    .groupBy(allocations.invoiceId)
    .orderBy(desc(sql`max(${allocations.createdAt})`), desc(allocations.invoiceId));
  const allocated = perInvoice.reduce((sum, row) => sum + row.net, 0n);
  const credit = payment.amount - allocated - (await refundedSoFar(tx, payment.id, refund.id));
  let left = refund.amount - (credit > 0n ? (credit < refund.amount ? credit : refund.amount) : 0n);
  const reversed: { invoiceId: string; amount: bigint }[] = [];
  for (const row of perInvoice) {
    if (left === 0n) break;
    const take = row.net < left ? row.net : left;
    if (take > 0n) reversed.push({ invoiceId: row.invoiceId, amount: take });
    left -= take;
  }
  if (left > 0n) throw new Error(`refund ${refund.id}: ${left} more than payment ${payment.id} holds`);
  if (reversed.length === 0) return reversed;
  await lockInvoicesInOrder(tx, reversed.map((row) => row.invoiceId));
  await tx.insert(allocations).values(reversed.map((row) => ({ invoiceId: row.invoiceId, paymentId: payment.id, amount: -row.amount, refundId: refund.id, createdBy: actor.userId })));
  for (const row of reversed) await refreshInvoiceBalance(tx, row.invoiceId);
  return reversed;
}

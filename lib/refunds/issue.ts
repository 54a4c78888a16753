import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { payments, refunds, type Gateway, type Payment, type Refund } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { completeRefund, failRefund, reserveRefund } from "./ledger";

/**
 * Asks a gateway to refund. Sends `refund_${refund.id}` as the idempotency key, so calling again
 * for the same refund never pays out twice. Resolves with the gateway's answer ("failed" when it
 * refused for good); throws when the outcome is unknown (timeout, 5xx after retries).
 */
export type RefundGatewayCall = (refund: Refund, payment: Payment) => Promise<{ gatewayRefundId: string; status: "succeeded" | "pending" | "failed"; failureReason?: string }>;

const REASON_NEEDED = "Say why the payment is refunded (at most 500 characters).";

/**
 * A refund staff asked for: reserved in one transaction, sent to the gateway outside it, settled
 * in a second. Manual methods (bank transfer, cash…) are recorded as paid back at once. When the
 * gateway does not answer, the refund stays pending; retryRefund sends the same request again.
 */
export async function issueRefund(
  db: Db,
  input: { paymentId: string; amount: bigint; reason: string },
  actor: Actor,
  call: (gateway: Gateway) => RefundGatewayCall,
): Promise<Refund> {
  const reason = input.reason.trim();
  if (reason === "" || reason.length > 500) throw new UserError(REASON_NEEDED, { reason: [REASON_NEEDED] });
  const { refund, payment } = await db.transaction(async (tx) => {
    const [target] = await tx.select({ gateway: payments.gateway }).from(payments).where(eq(payments.id, input.paymentId));
    const status = target?.gateway ? "pending" : "succeeded";
    const created = await reserveRefund(tx, { paymentId: input.paymentId, amount: input.amount, reason, origin: "staff", status }, actor);
    const [row] = await tx.select().from(payments).where(eq(payments.id, input.paymentId));
    if (!row) throw new Error(`payment ${input.paymentId} vanished`);
    return { refund: created, payment: row };
  });
  if (!payment.gateway || refund.status !== "pending") return refund;
  return sendToGateway(db, refund, payment, call(payment.gateway), actor);
}

/** Sends a pending refund to its gateway again, with the same idempotency key. */
export async function retryRefund(db: Db, refundId: string, actor: Actor, call: (gateway: Gateway) => RefundGatewayCall): Promise<Refund> {
  const [refund] = await db.select().from(refunds).where(eq(refunds.id, refundId));
  if (!refund?.paymentId) throw new UserError("This refund no longer exists.");
  if (refund.status !== "pending" || !refund.gateway) throw new UserError(`This refund is ${refund.status}; there is nothing to retry.`);
  const [payment] = await db.select().from(payments).where(eq(payments.id, refund.paymentId));
  if (!payment) throw new UserError("This payment no longer exists.");
  return sendToGateway(db, refund, payment, call(refund.gateway), actor);
}

async function sendToGateway(db: Db, refund: Refund, payment: Payment, call: RefundGatewayCall, actor: Actor): Promise<Refund> {
  let answer: Awaited<ReturnType<RefundGatewayCall>>;
  try {
    answer = await call(refund, payment);
  } catch (error) {
    console.error(`refund ${refund.id}: gateway outcome unknown`, error);
    return refund;
  }
  return db.transaction(async (tx) => {
    if (answer.status === "succeeded") await completeRefund(tx, refund.id, answer.gatewayRefundId, actor);
    else if (answer.status === "failed") await failRefund(tx, refund.id, answer.failureReason ?? "The gateway refused the refund.", actor);
    else await tx.update(refunds).set({ gatewayRefundId: answer.gatewayRefundId }).where(eq(refunds.id, refund.id));
    const [current] = await tx.select().from(refunds).where(eq(refunds.id, refund.id));
    if (!current) throw new Error(`refund ${refund.id} vanished`);
    return current;
  });
}

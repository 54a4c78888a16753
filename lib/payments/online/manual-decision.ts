import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { payments, type Payment } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { lockPayment, settlePayment } from "./settle";

const REASON_NEEDED = "Say why the payment is rejected (at most 500 characters).";

/** A customer's "I have paid" submission, locked and still waiting for a decision. */
async function lockSubmission(tx: Db, paymentId: string): Promise<Payment> {
  const payment = await lockPayment(tx, paymentId);
  if (payment.origin !== "customer" || payment.gateway !== null) throw new UserError(`${payment.number} is not a payment waiting for approval.`);
  if (payment.status === "succeeded") throw new UserError(`${payment.number} is already approved.`);
  if (payment.status === "rejected") throw new UserError(`${payment.number} was already rejected.`);
  if (payment.status !== "pending") throw new UserError(`${payment.number} is ${payment.status}.`);
  return payment;
}

/** Staff saw the money arrive: the submission succeeds with its own amount and is applied to its invoice. */
export async function approveManualPayment(db: Db, paymentId: string, actor: Actor): Promise<Payment> {
  return db.transaction(async (tx) => {
    const payment = await lockSubmission(tx, paymentId);
    const result = await settlePayment(tx, payment.id, { amount: payment.amount, currency: payment.currency }, actor, actor.userId);
    if (result.outcome !== "applied") throw new Error(`approving ${payment.number} gave ${result.outcome}`);
    return result.payment;
  });
}

/** Staff could not find the money: the submission is rejected with a reason the customer is told. */
export async function rejectManualPayment(db: Db, paymentId: string, reason: string, actor: Actor): Promise<Payment> {
  const why = reason.trim();
  if (why === "" || why.length > 500) throw new UserError(REASON_NEEDED, { reason: [REASON_NEEDED] });
  return db.transaction(async (tx) => {
    const payment = await lockSubmission(tx, paymentId);
    const [rejected] = await tx
      .update(payments)
      .set({ status: "rejected", rejectReason: why, decidedAt: new Date(), decidedBy: actor.userId })
      .where(eq(payments.id, payment.id))
      .returning();
    if (!rejected) throw new Error(`payment ${payment.id} vanished under its lock`);
    await writeAudit(tx, actor, { action: "payment.reject", entityType: "payment", entityId: payment.id, before: { status: "pending" }, after: { status: "rejected", reason: why } });
    return rejected;
  });
}

import type { Db } from "@/db";
import type { Payment } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { approveManualPayment, rejectManualPayment } from "@/lib/payments/online/manual-decision";
import { deliverQueuedEmails, queueManualDecisionEmail } from "@/lib/receipts/notices";

/**
 * Staff decision on a submission, then the customer's email. approve/reject commit their own
 * transaction, so the email is queued in a second small one right after and delivered after that
 * commits; a failed queue leaves the decision standing (it is logged, the outbox can resend).
 */
export async function decideManualPayment(
  db: Db,
  input: { paymentId: string; decision: "approve" } | { paymentId: string; decision: "reject"; reason: string },
  actor: Actor,
): Promise<Payment> {
  const payment = input.decision === "approve" ? await approveManualPayment(db, input.paymentId, actor) : await rejectManualPayment(db, input.paymentId, input.reason, actor);
  try {
    const ids = await db.transaction((tx) => queueManualDecisionEmail(tx, payment.id));
    await deliverQueuedEmails(db, ids);
  } catch (error) {
    console.error(`Could not queue the decision email for ${payment.number}`, error);
  }
  return payment;
}

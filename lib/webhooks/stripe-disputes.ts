import { upsertDisputeFromStripe } from "@/lib/disputes/ingest";
import { fromStripeAmount } from "@/lib/gateways/stripe/amounts";
import { queueDisputeOpenedEmail } from "@/lib/receipts/notices";
import { deliverAfterCommit, STRIPE_ACTOR, type StripeApplyContext } from "./stripe-context";
import { disputeSchema, idOf } from "./stripe-objects";

/** charge.dispute.created / updated / closed: one case per du_ id, status moved by the ingest's guards; admins emailed when one opens. */
export async function applyStripeDispute(object: Record<string, unknown>, ctx: StripeApplyContext): Promise<void> {
  const dispute = disputeSchema.parse(object);
  const paymentIntentId = idOf(dispute.payment_intent);
  if (!paymentIntentId) throw new Error(`Dispute ${dispute.id} names no PaymentIntent.`);
  const dueBy = dispute.evidence_details?.due_by;
  const { dispute: row, created } = await upsertDisputeFromStripe(
    ctx.tx,
    {
      id: dispute.id,
      amount: fromStripeAmount(dispute.amount),
      currency: dispute.currency.toUpperCase(),
      reason: dispute.reason,
      status: dispute.status,
      paymentIntentId,
      evidenceDueBy: dueBy ? new Date(dueBy * 1000) : null,
    },
    STRIPE_ACTOR,
  );
  if (created) deliverAfterCommit(ctx, await queueDisputeOpenedEmail(ctx.tx, row.id));
}

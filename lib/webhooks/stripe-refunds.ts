import { eq } from "drizzle-orm";
import { refunds } from "@/db/schema";
import { fromStripeAmount } from "@/lib/gateways/stripe/amounts";
import { stripeClient } from "@/lib/gateways/stripe/client";
import { refundStatusOf } from "@/lib/gateways/stripe/refund-status";
import { queueRefundEmail } from "@/lib/receipts/notices";
import { recordGatewayRefund } from "@/lib/refunds/from-gateway";
import { deliverAfterCommit, STRIPE_ACTOR, type StripeApplyContext } from "./stripe-context";
import { chargeSchema, idOf, refundSchema } from "./stripe-objects";

/**
 * charge.refunded: every refund on the charge, ours (staff, already reserved) or made in Stripe's
 * dashboard, is recorded once by its re_ id; the ledger takes the money back off the invoice.
 */
export async function applyChargeRefunded(object: Record<string, unknown>, ctx: StripeApplyContext): Promise<void> {
  const charge = chargeSchema.parse(object);
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return ctx.effects.ignore();
  // recent API versions leave the refund list out of the charge: ask for it then
  const list = charge.refunds?.data ?? (await stripeClient().refunds.list({ charge: charge.id, limit: 100 })).data.map((refund) => refundSchema.parse(refund));

  let changed = false;
  for (const refund of list) {
    const result = await recordGatewayRefund(
      ctx.tx,
      {
        gateway: "stripe",
        gatewayPaymentId: paymentIntentId,
        gatewayRefundId: refund.id,
        refundId: refund.metadata?.refund_id ?? null,
        amount: fromStripeAmount(refund.amount),
        currency: refund.currency.toUpperCase(),
        status: refundStatusOf(refund.status),
      },
      STRIPE_ACTOR,
    );
    if (result.outcome === "held") {
      ctx.effects.hold(result.reason ?? `Refund ${refund.id} does not match our records.`);
      continue;
    }
    if (result.outcome !== "applied") continue;
    changed = true;
    if (!result.refundId) continue;
    const [row] = await ctx.tx.select({ status: refunds.status }).from(refunds).where(eq(refunds.id, result.refundId));
    if (row?.status === "succeeded") deliverAfterCommit(ctx, await queueRefundEmail(ctx.tx, result.refundId));
  }
  if (!changed) ctx.effects.ignore();
}

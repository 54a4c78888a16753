import type { RefundGatewayCall } from "@/lib/refunds/issue";
import { stripeUnitAmount } from "./amounts";
import { stripeClient } from "./client";
import { refundStatusOf } from "./refund-status";

/**
 * A staff refund through Stripe. The idempotency key is our refund row's id, so the SDK's retries
 * and retryRefund's second call give back the same re_ refund, never a second one.
 */
export const stripeRefundCall: RefundGatewayCall = async (refund, payment) => {
  if (!payment.gatewayPaymentId) throw new Error(`Payment ${payment.id} has no Stripe PaymentIntent to refund.`);
  const result = await stripeClient().refunds.create(
    { payment_intent: payment.gatewayPaymentId, amount: stripeUnitAmount(refund.amount), metadata: { refund_id: refund.id, payment_id: payment.id } },
    { idempotencyKey: `refund_${refund.id}` },
  );
  const status = refundStatusOf(result.status);
  return { gatewayRefundId: result.id, status, ...(status === "failed" ? { failureReason: result.failure_reason ?? "Stripe could not refund this payment." } : {}) };
};

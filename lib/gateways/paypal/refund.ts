import type { RefundGatewayCall } from "@/lib/refunds/issue";
import { toPayPalAmount } from "./amounts";
import { paypalRequest } from "./client";
import { refundSchema } from "./schemas";

/** PayPal's refund status → ours. PENDING settles later (PAYMENT.CAPTURE.REFUNDED webhook). */
export function refundStatusOf(status: string): "succeeded" | "pending" | "failed" {
  if (status === "COMPLETED") return "succeeded";
  if (status === "FAILED" || status === "CANCELLED") return "failed";
  return "pending";
}

/**
 * Refunds part or all of a capture. The request id is our refund row's, so retrying after a
 * timeout (retryRefund) returns the refund PayPal already made instead of paying out twice.
 */
export const paypalRefundCall: RefundGatewayCall = async (refund, payment) => {
  if (!payment.gatewayPaymentId) throw new Error(`${payment.number} has no PayPal capture to refund.`);
  const answer = refundSchema.parse(
    await paypalRequest(
      "POST",
      `/v2/payments/captures/${encodeURIComponent(payment.gatewayPaymentId)}/refund`,
      { amount: toPayPalAmount(refund.amount, refund.currency), custom_id: refund.id, ...(refund.reason ? { note_to_payer: refund.reason.slice(0, 255) } : {}) },
      { requestId: `refund_${refund.id}` },
    ),
  );
  const status = refundStatusOf(answer.status);
  return { gatewayRefundId: answer.id, status, ...(status === "failed" ? { failureReason: `PayPal answered ${answer.status}.` } : {}) };
};

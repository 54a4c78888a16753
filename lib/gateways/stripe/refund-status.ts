export type StripeRefundStatus = "succeeded" | "pending" | "failed";

/** Stripe's refund statuses (pending, requires_action, succeeded, failed, canceled) → ours. */
export function refundStatusOf(status: string | null | undefined): StripeRefundStatus {
  if (status === "succeeded") return "succeeded";
  if (status === "failed" || status === "canceled") return "failed";
  return "pending";
}

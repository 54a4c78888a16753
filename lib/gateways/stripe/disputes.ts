import { stripeClient } from "./client";

/** Sends the staff's evidence text to Stripe and submits it (Stripe then decides; the outcome arrives by webhook). */
export async function submitStripeDisputeEvidence(gatewayDisputeId: string, text: string): Promise<void> {
  await stripeClient().disputes.update(gatewayDisputeId, { evidence: { uncategorized_text: text }, submit: true });
}

import { getDb, type Db } from "@/db";
import { registerWebhookApplier, type WebhookEffects } from "./events";
import { stripeEventSchema } from "./stripe-objects";
import { applyStripeDispute } from "./stripe-disputes";
import { applyChargeRefunded } from "./stripe-refunds";
import { applyCheckoutCompleted, applyPaymentFailed, applyPaymentSucceeded, applySessionExpired, applySessionPaymentFailed } from "./stripe-payments";
import type { StripeApplyContext } from "./stripe-context";

type Handler = (object: Record<string, unknown>, ctx: StripeApplyContext) => Promise<void>;

/** Each event type we act on → its handler; any other type is recorded and acknowledged. */
const HANDLERS: Record<string, Handler> = {
  "checkout.session.completed": applyCheckoutCompleted,
  "checkout.session.async_payment_succeeded": applyCheckoutCompleted,
  "checkout.session.async_payment_failed": applySessionPaymentFailed,
  "checkout.session.expired": applySessionExpired,
  "payment_intent.succeeded": applyPaymentSucceeded,
  "payment_intent.payment_failed": applyPaymentFailed,
  "charge.refunded": applyChargeRefunded,
  "charge.dispute.created": applyStripeDispute,
  "charge.dispute.updated": applyStripeDispute,
  "charge.dispute.closed": applyStripeDispute,
};

/**
 * Applies one verified Stripe event inside the webhook event's transaction. `outerDb` is the
 * database (not the transaction) for work after commit: delivering emails, reading fees.
 */
export async function applyStripeEvent(tx: Db, payload: unknown, effects: WebhookEffects, outerDb: () => Promise<Db>): Promise<void> {
  const event = stripeEventSchema.parse(payload);
  const handler = HANDLERS[event.type];
  if (!handler) {
    effects.ignore();
    return;
  }
  await handler(event.data.object, { tx, effects, outerDb, eventType: event.type });
}

// Admin replay re-runs a stored payload through the same code (the state guards make it safe).
registerWebhookApplier("stripe", (tx, payload, effects) => applyStripeEvent(tx, payload, effects, getDb));

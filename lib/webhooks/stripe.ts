import Stripe from "stripe";
import type { Db } from "@/db";
import { receiveWebhookEvent } from "./events";
import { applyStripeEvent } from "./stripe-apply";
import { stripeEventSchema } from "./stripe-objects";

export const STRIPE_GATEWAY = "stripe";
/** Stripe's own default: a signature older than this is refused, so a captured delivery cannot be replayed later. */
const TOLERANCE_SECONDS = 300;

export type StripeWebhookResult = { status: 200 | 400 | 500 | 503; body: { ok: boolean; result?: string; error?: string } };

/**
 * POST /api/webhooks/stripe, without the HTTP framework: verify the Stripe-Signature over the raw
 * body (400 and nothing written when it fails), record the event once by its evt_ id, apply it in
 * the event's transaction. A failure answers 500 with the error kept on the event row; Stripe
 * retries, and the state guards make the retry (or a duplicate) change nothing twice.
 */
export async function handleStripeWebhook(db: Db, secret: string | undefined, rawBody: string, headers: Headers): Promise<StripeWebhookResult> {
  if (!secret) return { status: 503, body: { ok: false, error: "STRIPE_WEBHOOK_SECRET is not set." } };
  const signature = headers.get("stripe-signature");
  if (!signature) return { status: 400, body: { ok: false, error: "Missing Stripe-Signature header." } };
  let verified: unknown;
  try {
    // the static verifier needs no API key: only the endpoint's signing secret
    verified = Stripe.webhooks.constructEvent(rawBody, signature, secret, TOLERANCE_SECONDS);
  } catch {
    return { status: 400, body: { ok: false, error: "Invalid signature." } };
  }
  const parsed = stripeEventSchema.safeParse(verified);
  if (!parsed.success) return { status: 400, body: { ok: false, error: "Not a Stripe event." } };

  const event = parsed.data;
  try {
    const result = await receiveWebhookEvent(db, { gateway: STRIPE_GATEWAY, eventId: event.id, type: event.type, payload: verified }, (tx, effects) =>
      applyStripeEvent(tx, verified, effects, async () => db),
    );
    return { status: 200, body: { ok: true, result } };
  } catch (error) {
    console.error(`Stripe webhook ${event.id} (${event.type}) failed`, error);
    return { status: 500, body: { ok: false, error: "Processing failed; retry later." } };
  }
}

import { getDb } from "@/db";
import { env } from "@/lib/env";
import { handleStripeWebhook } from "@/lib/webhooks/stripe";

// Stripe events (payments, refunds, disputes, saved cards). Anonymous: the Stripe-Signature over
// the raw body is the only authentication, checked before anything is written.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const rawBody = await request.text();
  const { status, body } = await handleStripeWebhook(await getDb(), env().STRIPE_WEBHOOK_SECRET, rawBody, request.headers);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

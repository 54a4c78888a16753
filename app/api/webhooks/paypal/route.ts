import { getDb } from "@/db";
import { handlePayPalWebhook } from "@/lib/webhooks/paypal";

// PayPal's PAYMENT.CAPTURE.* events. Anonymous: PayPal's verify API on the raw body is the only
// authentication, before anything is written.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const rawBody = await request.text();
  const { status, body } = await handlePayPalWebhook(await getDb(), rawBody, request.headers);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

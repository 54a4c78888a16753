import { getDb } from "@/db";
import { env } from "@/lib/env";
import { handleResendWebhook } from "@/lib/webhooks/resend";

// Resend delivery events (delivered, opened, bounced, …). Anonymous: the svix signature is the
// only authentication, checked on the raw body before anything is written.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const rawBody = await request.text();
  const { status, body } = await handleResendWebhook(await getDb(), env().RESEND_WEBHOOK_SECRET, rawBody, request.headers);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

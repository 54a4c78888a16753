import { z } from "zod";
import type { Db } from "@/db";
import { paypalConfigured, paypalRequest, RawJson } from "@/lib/gateways/paypal/client";
import { webhookEventSchema } from "@/lib/gateways/paypal/schemas";
import { env } from "@/lib/env";
import { receiveWebhookEvent } from "./events";
import { applyPayPalEvent, PAYPAL_GATEWAY } from "./paypal-apply";

export type PayPalWebhookResult = { status: 200 | 400 | 500 | 503; body: { ok: boolean; result?: string; error?: string } };

/** The transmission headers PayPal signs each delivery with; all are needed to verify it. */
const TRANSMISSION_HEADERS = {
  auth_algo: "paypal-auth-algo",
  cert_url: "paypal-cert-url",
  transmission_id: "paypal-transmission-id",
  transmission_sig: "paypal-transmission-sig",
  transmission_time: "paypal-transmission-time",
} as const;
type TransmissionField = keyof typeof TRANSMISSION_HEADERS;

const verifyAnswerSchema = z.looseObject({ verification_status: z.string() });

/**
 * POST /api/webhooks/paypal, without the HTTP framework. PayPal's verify API checks the delivery
 * (invariant 4: a forged or unsigned one → 400 and nothing written); if that call itself fails,
 * 503 and nothing written, so PayPal delivers again. A verified event is recorded once by its id
 * and applied in one transaction; a failure there answers 500 with the error kept on the row.
 */
export async function handlePayPalWebhook(db: Db, rawBody: string, headers: Headers): Promise<PayPalWebhookResult> {
  const webhookId = env().PAYPAL_WEBHOOK_ID;
  if (!webhookId || !paypalConfigured()) return { status: 503, body: { ok: false, error: "PayPal webhooks are not configured (PAYPAL_WEBHOOK_ID and keys)." } };

  const transmission: Partial<Record<TransmissionField, string>> = {};
  for (const [field, header] of Object.entries(TRANSMISSION_HEADERS) as [TransmissionField, string][]) {
    const value = headers.get(header);
    if (!value) return { status: 400, body: { ok: false, error: `Missing ${header} header.` } };
    transmission[field] = value;
  }
  let parsedBody: unknown;
  try {
    parsedBody = JSON.parse(rawBody);
  } catch {
    return { status: 400, body: { ok: false, error: "The body is not JSON." } };
  }
  const event = webhookEventSchema.safeParse(parsedBody);
  if (!event.success) return { status: 400, body: { ok: false, error: "Not a PayPal event." } };

  let verified: boolean;
  try {
    verified = await verifyDelivery(rawBody, transmission, webhookId);
  } catch (error) {
    console.error("PayPal webhook verification call failed", error);
    return { status: 503, body: { ok: false, error: "Could not verify the delivery now; retry later." } };
  }
  if (!verified) return { status: 400, body: { ok: false, error: "Invalid signature." } };

  try {
    const result = await receiveWebhookEvent(db, { gateway: PAYPAL_GATEWAY, eventId: event.data.id, type: event.data.event_type, payload: parsedBody }, (tx, effects) =>
      applyPayPalEvent(tx, parsedBody, effects),
    );
    return { status: 200, body: { ok: true, result } };
  } catch (error) {
    console.error("PayPal webhook failed", error);
    return { status: 500, body: { ok: false, error: "Processing failed; retry later." } };
  }
}

/**
 * PayPal's verify-webhook-signature. The event goes back exactly as received (spliced in as raw
 * JSON): re-serialising it could change number formats and make a genuine delivery fail.
 */
async function verifyDelivery(rawBody: string, transmission: Partial<Record<TransmissionField, string>>, webhookId: string): Promise<boolean> {
  const fields = Object.entries({ ...transmission, webhook_id: webhookId })
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join(",");
  const answer = verifyAnswerSchema.parse(await paypalRequest("POST", "/v1/notifications/verify-webhook-signature", new RawJson(`{${fields},"webhook_event":${rawBody}}`), { safeToRetry: true }));
  return answer.verification_status === "SUCCESS";
}

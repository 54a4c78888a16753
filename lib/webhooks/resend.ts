import { and, eq, inArray } from "drizzle-orm";
import { Webhook } from "svix";
import { z } from "zod";
import type { Db } from "@/db";
import { emailMessages, type EmailStatus } from "@/db/schema";
import { receiveWebhookEvent, registerWebhookApplier } from "./events";

export const RESEND_GATEWAY = "resend";

/** The part of a Resend event we read; the whole payload is stored as received. */
const resendEventSchema = z.object({
  type: z.string().min(1).max(100),
  data: z.looseObject({
    email_id: z.string().min(1).max(200).optional(),
    bounce: z.looseObject({ message: z.string().optional() }).optional(),
  }),
});
type ResendEvent = z.infer<typeof resendEventSchema>;

/** Resend event → the status it means for our message; other types are recorded and ignored. */
const STATUS_OF_EVENT: Record<string, EmailStatus> = {
  "email.delivery_delayed": "delayed",
  "email.delivered": "delivered",
  "email.opened": "opened",
  "email.bounced": "bounced",
  "email.complained": "complained",
};

/**
 * How far a message has got. Events arrive out of order and more than once, so a status only
 * moves up this ladder; bounced and complained are the end of it.
 */
const RANK: Record<EmailStatus, number> = { queued: 0, failed: 0, sent: 1, delayed: 2, delivered: 3, opened: 4, bounced: 5, complained: 5 };
const FINAL: ReadonlySet<EmailStatus> = new Set(["bounced", "complained"]);

/** The statuses a message may be in for `next` to replace it. */
export function statusesBelow(next: EmailStatus): EmailStatus[] {
  return (Object.keys(RANK) as EmailStatus[]).filter((status) => !FINAL.has(status) && RANK[status] < RANK[next]);
}

export type ResendWebhookResult = { status: 200 | 400 | 500 | 503; body: { ok: boolean; result?: string; error?: string } };

const SIGNATURE_HEADERS = ["svix-id", "svix-timestamp", "svix-signature"] as const;
type SignatureHeader = (typeof SIGNATURE_HEADERS)[number];

/**
 * POST /api/webhooks/resend, without the HTTP framework: verify the svix signature over the raw
 * body, record the event once, move the message's status forward. 400 writes nothing; 500 keeps
 * the error on the event row so Resend's retry can succeed later.
 */
export async function handleResendWebhook(db: Db, secret: string | undefined, rawBody: string, headers: Headers): Promise<ResendWebhookResult> {
  if (!secret) return { status: 503, body: { ok: false, error: "RESEND_WEBHOOK_SECRET is not set." } };
  const signed: Record<SignatureHeader, string> = { "svix-id": "", "svix-timestamp": "", "svix-signature": "" };
  for (const name of SIGNATURE_HEADERS) signed[name] = headers.get(name) ?? "";
  let verified: unknown;
  try {
    verified = new Webhook(secret).verify(rawBody, signed);
  } catch {
    return { status: 400, body: { ok: false, error: "Invalid signature." } };
  }
  const parsed = resendEventSchema.safeParse(verified);
  if (!parsed.success) return { status: 400, body: { ok: false, error: "Not a Resend event." } };

  const event = parsed.data;
  try {
    const result = await receiveWebhookEvent(db, { gateway: RESEND_GATEWAY, eventId: signed["svix-id"], type: event.type, payload: verified }, (tx) =>
      applyResendEvent(tx, event),
    );
    return { status: 200, body: { ok: true, result } };
  } catch (error) {
    console.error("Resend webhook failed", error);
    return { status: 500, body: { ok: false, error: "Processing failed; retry later." } };
  }
}

registerWebhookApplier(RESEND_GATEWAY, async (tx, payload, effects) => {
  const parsed = resendEventSchema.safeParse(payload);
  if (!parsed.success) return effects.ignore();
  await applyResendEvent(tx, parsed.data);
});

/** One guarded UPDATE: concurrent or late events can only move the status up the ladder. */
async function applyResendEvent(tx: Db, event: ResendEvent): Promise<void> {
  const next = STATUS_OF_EVENT[event.type];
  const providerId = event.data.email_id;
  // unknown types and messages we did not send (or no longer have) are recorded and acknowledged
  if (!next || !providerId) return;
  await tx
    .update(emailMessages)
    .set(next === "bounced" ? { status: next, error: event.data.bounce?.message ?? "Bounced" } : { status: next })
    .where(and(eq(emailMessages.providerMessageId, providerId), inArray(emailMessages.status, statusesBelow(next))));
}

import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { invoices, refunds, type Payment } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { env } from "@/lib/env";
import { fromPayPalAmount } from "@/lib/gateways/paypal/amounts";
import { refundStatusOf } from "@/lib/gateways/paypal/refund";
import { captureSchema, refundSchema, webhookEventSchema, type PayPalCapture } from "@/lib/gateways/paypal/schemas";
import { publicPathFor } from "@/lib/invoices/public-link";
import { failPayment, findPaymentByGatewayId, findPaymentById } from "@/lib/payments/online/fail";
import { settlePayment } from "@/lib/payments/online/settle";
import { deliverQueuedEmails, queuePaymentFailedEmail, queueReceiptEmail, queueRefundEmail } from "@/lib/receipts/notices";
import { recordGatewayRefund } from "@/lib/refunds/from-gateway";
import { registerWebhookApplier, type WebhookEffects } from "./events";

export const PAYPAL_GATEWAY = "paypal";
const PAYPAL_ACTOR: Actor = { userId: null, label: "paypal" };

/**
 * Applies one verified PayPal event inside the webhook's transaction. Every step is guarded by the
 * payment's or refund's state, so a duplicate, a replay or an event that arrives after the capture
 * route already settled changes nothing. Also used by the admin replay (registered below).
 */
export async function applyPayPalEvent(tx: Db, payload: unknown, effects: WebhookEffects): Promise<void> {
  const event = webhookEventSchema.parse(payload);
  switch (event.event_type) {
    case "PAYMENT.CAPTURE.COMPLETED":
      return captureCompleted(tx, captureSchema.parse(event.resource), effects);
    case "PAYMENT.CAPTURE.DENIED":
      return captureDenied(tx, captureSchema.parse(event.resource), effects);
    case "PAYMENT.CAPTURE.REFUNDED":
    case "PAYMENT.CAPTURE.REVERSED":
      return moneyTakenBack(tx, event.resource, effects);
    default:
      effects.ignore();
  }
}

registerWebhookApplier(PAYPAL_GATEWAY, applyPayPalEvent);

/** Our payment behind a capture: custom_id is our payment id; else the capture or order id we stored. */
async function paymentOfCapture(tx: Db, capture: PayPalCapture): Promise<Payment> {
  const byCustomId = await findPaymentById(tx, capture.custom_id);
  const payment =
    byCustomId?.gateway === "paypal"
      ? byCustomId
      : await findPaymentByGatewayId(tx, "paypal", { paymentId: capture.id, checkoutId: capture.supplementary_data?.related_ids?.order_id });
  // unknown: maybe our own transaction has not committed yet; a 500 makes PayPal deliver it again
  if (!payment) throw new Error(`No PayPal payment matches capture ${capture.id}.`);
  return payment;
}

async function captureCompleted(tx: Db, capture: PayPalCapture, effects: WebhookEffects): Promise<void> {
  if (!capture.amount) throw new Error(`Capture ${capture.id} has no amount.`);
  const payment = await paymentOfCapture(tx, capture);
  const result = await settlePayment(tx, payment.id, { ...fromPayPalAmount(capture.amount), gatewayPaymentId: capture.id }, PAYPAL_ACTOR);
  if (result.outcome === "held") return effects.hold(result.reason ?? "The amount or currency does not match our payment.");
  if (result.outcome === "ignored") return effects.ignore();
  const emailIds = await queueReceiptEmail(tx, payment.id);
  effects.afterCommit(() => deliverAfterCommit(emailIds));
}

async function captureDenied(tx: Db, capture: PayPalCapture, effects: WebhookEffects): Promise<void> {
  const payment = await paymentOfCapture(tx, capture);
  if ((await failPayment(tx, payment.id, "PayPal denied the payment.", PAYPAL_ACTOR)) === "ignored") return effects.ignore();
  const emailIds = await queuePaymentFailedEmail(tx, payment.id, await retryUrl(tx, payment));
  effects.afterCommit(() => deliverAfterCommit(emailIds));
}

/**
 * PAYMENT.CAPTURE.REFUNDED (a refund: ours or one made in PayPal's dashboard) and REVERSED (PayPal
 * took the money back). The resource is the refund, whose "up" link names the capture; a capture
 * resource (as some reversals carry) counts as its whole amount taken back.
 */
async function moneyTakenBack(tx: Db, resource: unknown, effects: WebhookEffects): Promise<void> {
  const refund = refundSchema.parse(resource);
  const captureId = captureIdOf(refund.links);
  const report = captureId
    ? { gatewayPaymentId: captureId, gatewayRefundId: refund.id, status: refundStatusOf(refund.status) }
    : { gatewayPaymentId: refund.id, gatewayRefundId: `reversal_${refund.id}`, status: "succeeded" as const };
  if (!refund.amount) throw new Error(`PayPal refund ${refund.id} has no amount.`);
  // custom_id carries our refund's id when we asked for it (paypalRefundCall)
  const result = await recordGatewayRefund(tx, { gateway: "paypal", ...report, refundId: refund.custom_id ?? null, ...fromPayPalAmount(refund.amount) }, PAYPAL_ACTOR);
  if (result.outcome === "held") return effects.hold(result.reason ?? `PayPal refund ${report.gatewayRefundId} does not match the payment.`);
  if (result.outcome === "ignored" || !result.refundId) return effects.ignore();
  const [row] = await tx.select({ status: refunds.status }).from(refunds).where(eq(refunds.id, result.refundId));
  if (row?.status !== "succeeded") return;
  const emailIds = await queueRefundEmail(tx, result.refundId);
  effects.afterCommit(() => deliverAfterCommit(emailIds));
}

/** The capture id at the end of the refund's "up" link (…/v2/payments/captures/<id>). */
export function captureIdOf(links: { href: string; rel: string }[] | undefined): string | null {
  const up = links?.find((link) => link.rel === "up")?.href;
  const match = up ? /\/captures\/([^/?#]+)/.exec(up) : null;
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

async function retryUrl(tx: Db, payment: Payment): Promise<string> {
  const [invoice] = payment.invoiceId
    ? await tx.select({ id: invoices.id, publicLinkNonce: invoices.publicLinkNonce }).from(invoices).where(eq(invoices.id, payment.invoiceId))
    : [];
  const base = env().APP_URL.replace(/\/+$/, "");
  return invoice ? `${base}${publicPathFor(invoice)}` : base;
}

// after commit the transaction handle is gone and appliers are not handed the database, so the
// emails go out through the process's own handle
async function deliverAfterCommit(ids: string[]): Promise<void> {
  if (ids.length > 0) await deliverQueuedEmails(await getDb(), ids);
}

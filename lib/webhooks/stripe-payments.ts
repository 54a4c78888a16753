import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { invoices, payments, type Payment } from "@/db/schema";
import { env } from "@/lib/env";
import { recordStripeFee } from "@/lib/gateways/stripe/balance";
import { fromStripeAmount } from "@/lib/gateways/stripe/amounts";
import { publicPathFor } from "@/lib/invoices/public-link";
import { failPayment, findPaymentByGatewayId } from "@/lib/payments/online/fail";
import { settlePayment, type GatewayReport } from "@/lib/payments/online/settle";
import { queuePaymentFailedEmail, queueReceiptEmail } from "@/lib/receipts/notices";
import { storeSavedCardFromSession } from "./stripe-setup";
import { deliverAfterCommit, STRIPE_ACTOR, type StripeApplyContext } from "./stripe-context";
import { checkoutSessionSchema, idOf, paymentIntentSchema, type StripeCheckoutSession, type StripePaymentIntent } from "./stripe-objects";

const uuid = z.uuid();

/**
 * Our payment behind a Stripe object: by the payment id we put in its metadata, else by the
 * Checkout Session or PaymentIntent id we stored. Undefined when it names none of ours.
 */
async function findOurPayment(tx: Db, ids: { paymentId?: string | null; checkoutId?: string | null; paymentIntentId?: string | null }): Promise<Payment | undefined> {
  if (ids.paymentId && uuid.safeParse(ids.paymentId).success) {
    const [row] = await tx.select().from(payments).where(eq(payments.id, ids.paymentId));
    if (row?.gateway === "stripe") return row;
  }
  if (!ids.checkoutId && !ids.paymentIntentId) return undefined;
  return findPaymentByGatewayId(tx, "stripe", { checkoutId: ids.checkoutId, paymentId: ids.paymentIntentId });
}

/**
 * A Stripe object that names a payment of ours we cannot find is an error (5xx, Stripe retries,
 * the error stays on the event row); one that names none of ours (another integration on the same
 * account) is acknowledged and ignored.
 */
async function requirePayment(ctx: StripeApplyContext, reference: string | null | undefined, ids: { checkoutId?: string | null; paymentIntentId?: string | null }) {
  const payment = await findOurPayment(ctx.tx, { paymentId: reference, ...ids });
  if (payment) return payment;
  if (!reference) {
    ctx.effects.ignore();
    return undefined;
  }
  throw new Error(`No Stripe payment of ours matches payment ${reference} (${ids.checkoutId ?? ids.paymentIntentId ?? "no id"}).`);
}

async function settle(ctx: StripeApplyContext, payment: Payment, report: GatewayReport): Promise<void> {
  const result = await settlePayment(ctx.tx, payment.id, report, STRIPE_ACTOR);
  if (result.outcome === "held") {
    ctx.effects.hold(result.reason ?? "The amount or currency does not match our records.");
    return;
  }
  if (result.outcome === "ignored") {
    ctx.effects.ignore();
    return;
  }
  deliverAfterCommit(ctx, await queueReceiptEmail(ctx.tx, payment.id));
  const paymentIntentId = report.gatewayPaymentId;
  // Stripe's fee is known once the charge's balance transaction exists: read it after commit, best effort
  if (paymentIntentId && report.feeAmount == null) ctx.effects.afterCommit(async () => recordStripeFee(await ctx.outerDb(), payment.id, paymentIntentId));
}

const upper = (currency: string) => currency.toUpperCase();

/** checkout.session.completed / async_payment_succeeded: a paid session settles its payment; setup mode saves a card. */
export async function applyCheckoutCompleted(object: Record<string, unknown>, ctx: StripeApplyContext): Promise<void> {
  const session = checkoutSessionSchema.parse(object);
  if (session.mode === "setup") return storeSavedCardFromSession(ctx, session);
  // unpaid: an asynchronous method (bank debit) is still on its way; async_payment_* follows
  if (session.mode !== "payment" || session.payment_status !== "paid") return ctx.effects.ignore();
  const paymentIntentId = idOf(session.payment_intent);
  const payment = await requirePayment(ctx, reference(session), { checkoutId: session.id, paymentIntentId });
  if (!payment) return;
  if (session.amount_total == null || !session.currency) throw new Error(`Checkout Session ${session.id} has no amount.`);
  await settle(ctx, payment, {
    amount: fromStripeAmount(session.amount_total),
    currency: upper(session.currency),
    gatewayPaymentId: paymentIntentId,
    payerEmail: session.customer_details?.email ?? session.customer_email ?? null,
  });
}

/** payment_intent.succeeded: covers Checkout (its PaymentIntent carries our metadata) and saved-card charges. */
export async function applyPaymentSucceeded(object: Record<string, unknown>, ctx: StripeApplyContext): Promise<void> {
  const intent = paymentIntentSchema.parse(object);
  const payment = await requirePayment(ctx, intent.metadata?.payment_id, { paymentIntentId: intent.id });
  if (!payment) return;
  const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  const reported = charge && typeof charge.balance_transaction === "object" ? charge.balance_transaction : null;
  // a fee settled in another currency is not in this payment's minor units
  const balance = reported && reported.currency.toUpperCase() === intent.currency.toUpperCase() ? reported : null;
  await settle(ctx, payment, {
    amount: fromStripeAmount(intent.amount_received ?? intent.amount),
    currency: upper(intent.currency),
    gatewayPaymentId: intent.id,
    payerEmail: intent.receipt_email ?? null,
    feeAmount: balance ? fromStripeAmount(balance.fee) : null,
    netAmount: balance ? fromStripeAmount(balance.net) : null,
  });
}

/** checkout.session.async_payment_failed: the bank debit bounced. */
export async function applySessionPaymentFailed(object: Record<string, unknown>, ctx: StripeApplyContext): Promise<void> {
  const session = checkoutSessionSchema.parse(object);
  const payment = await requirePayment(ctx, reference(session), { checkoutId: session.id, paymentIntentId: idOf(session.payment_intent) });
  if (payment) await fail(ctx, payment, "The payment did not go through.");
}

/** checkout.session.expired: the customer left without paying; the pending payment ends, quietly (nothing was tried). */
export async function applySessionExpired(object: Record<string, unknown>, ctx: StripeApplyContext): Promise<void> {
  const session = checkoutSessionSchema.parse(object);
  const payment = await requirePayment(ctx, reference(session), { checkoutId: session.id });
  if (!payment) return;
  if ((await failPayment(ctx.tx, payment.id, "The checkout expired before the customer paid.", STRIPE_ACTOR)) === "ignored") ctx.effects.ignore();
}

/** payment_intent.payment_failed: declined; only a pending payment fails (a later success still settles it). */
export async function applyPaymentFailed(object: Record<string, unknown>, ctx: StripeApplyContext): Promise<void> {
  const intent: StripePaymentIntent = paymentIntentSchema.parse(object);
  const payment = await requirePayment(ctx, intent.metadata?.payment_id, { paymentIntentId: intent.id });
  if (payment) await fail(ctx, payment, intent.last_payment_error?.message ?? "The card was declined.");
}

async function fail(ctx: StripeApplyContext, payment: Payment, reason: string): Promise<void> {
  if ((await failPayment(ctx.tx, payment.id, reason, STRIPE_ACTOR)) === "ignored") return ctx.effects.ignore();
  deliverAfterCommit(ctx, await queuePaymentFailedEmail(ctx.tx, payment.id, await retryUrl(ctx.tx, payment)));
}

/** The invoice's public page, where the customer can try again. */
async function retryUrl(tx: Db, payment: Payment): Promise<string> {
  const base = env().APP_URL.replace(/\/+$/, "");
  if (!payment.invoiceId) return base;
  const [invoice] = await tx.select({ id: invoices.id, publicLinkNonce: invoices.publicLinkNonce }).from(invoices).where(eq(invoices.id, payment.invoiceId));
  return invoice ? `${base}${publicPathFor(invoice)}` : base;
}

const reference = (session: StripeCheckoutSession) => session.client_reference_id ?? session.metadata?.payment_id ?? null;

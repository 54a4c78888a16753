import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db";
import { payments, refunds, type Refund } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { CheckoutRefused, startStripeCheckout } from "@/lib/gateways/stripe/checkout";
import { stripeRefundCall } from "@/lib/gateways/stripe/refund";
import { retryRefund, type RefundGatewayCall } from "@/lib/refunds/issue";
import type { FakeStripe } from "../fakes/stripe";
import { APP_URL, type createStripeTestbed } from "../helpers/stripe";
import { sleep } from "./concurrency";
import { paidCheckout, postWebhook } from "./stripe";

type StripeTestbed = Awaited<ReturnType<typeof createStripeTestbed>>;

/** The public page's "Pay by card", pressed again (as a customer would) while it answers "unavailable". */
export async function checkoutUntilStarted(db: Db, token: string, amount: bigint, maxTries = 6): Promise<number> {
  for (let attempt = 1; attempt <= maxTries; attempt++) {
    try {
      await startStripeCheckout(db, { token, amount }, APP_URL);
      return attempt;
    } catch (error) {
      if (!(error instanceof CheckoutRefused) || error.code !== "card_unavailable") throw error;
    }
  }
  throw new Error(`the checkout did not start in ${maxTries} tries`);
}

/** The gateway's objects made for one of our rows: sessions by payment id, refunds by refund id. */
export const sessionsFor = (fake: FakeStripe, paymentId: string) => [...fake.sessions.values()].filter((session) => session.metadata.payment_id === paymentId);
export const gatewayRefundsFor = (fake: FakeStripe, refundId: string) => [...fake.refunds.values()].filter((refund) => refund.metadata.refund_id === refundId);
export const chargeFor = (fake: FakeStripe, intentId: string) => [...fake.charges.values()].find((charge) => charge.payment_intent === intentId);

/**
 * Each invoice ends with one payment that started its checkout (exactly one session, the one we
 * stored) and the tries refused before it failed, with no stored session and at most one at the
 * gateway (made, then answered 500).
 */
export async function expectOneCheckoutPerInvoice(db: Db, fake: FakeStripe, bed: StripeTestbed, invoiceId: string, tries: number) {
  const rows = await bed.paymentsOf(invoiceId);
  expect(rows).toHaveLength(tries);
  const started = rows.filter((row) => row.status === "pending");
  expect(started).toHaveLength(1);
  expect(sessionsFor(fake, started[0]!.id).map((session) => session.id)).toEqual([started[0]!.gatewayCheckoutId]);
  for (const failed of rows.filter((row) => row.status !== "pending")) {
    expect(failed).toMatchObject({ status: "failed", gatewayCheckoutId: null, failureReason: expect.stringMatching(/^Checkout could not start/) });
    expect(sessionsFor(fake, failed.id).length).toBeLessThanOrEqual(1);
  }
  return started[0]!;
}

/** Settled card payments to refund: paid on the fake, settled by their webhook. */
export async function settledCardPayments(db: Db, fake: FakeStripe, bed: StripeTestbed, n: number, amount: bigint) {
  const settled = [];
  for (let i = 0; i < n; i++) {
    const checkout = await paidCheckout(db, fake, bed, amount);
    for (const event of checkout.events) expect((await postWebhook(fake, event)).status).toBe(200);
    const [row] = await db.select().from(payments).where(eq(payments.id, checkout.payment.id));
    expect(row?.status).toBe("succeeded");
    settled.push(checkout);
  }
  return settled;
}

export const viaStripe = (): RefundGatewayCall => stripeRefundCall;

/** A caller cut off mid-call (a killed request, a function timeout): the gateway may or may not have acted. */
export const abandonedAfter =
  (ms: number) =>
  (): RefundGatewayCall =>
  (refund, payment) =>
    Promise.race([
      stripeRefundCall(refund, payment),
      sleep(ms).then((): never => {
        throw new Error(`no answer within ${ms} ms: the caller gave up`);
      }),
    ]);

/** Sends every pending refund again with its own key until none is pending; returns the rounds taken. */
export async function retryPendingRefunds(db: Db, paymentIds: string[], actor: Actor, maxRounds = 4): Promise<number> {
  for (let round = 1; round <= maxRounds; round++) {
    const pending: Refund[] = [];
    for (const id of paymentIds) pending.push(...(await db.select().from(refunds).where(eq(refunds.paymentId, id))).filter((refund) => refund.status === "pending"));
    if (pending.length === 0) return round - 1;
    await Promise.all(pending.map((refund) => retryRefund(db, refund.id, actor, viaStripe)));
  }
  throw new Error(`refunds still pending after ${maxRounds} retries`);
}

/** Our refunds of a payment agree with the gateway's: one gateway refund per row, same ids, same sum. */
export async function expectRefundsMatchGateway(db: Db, fake: FakeStripe, paymentId: string, intentId: string) {
  const ours = await db.select().from(refunds).where(eq(refunds.paymentId, paymentId));
  for (const refund of ours) {
    const theirs = gatewayRefundsFor(fake, refund.id);
    expect(theirs, `gateway refunds for refund ${refund.id}`).toHaveLength(1);
    expect(refund).toMatchObject({ status: "succeeded", gatewayRefundId: theirs[0]!.id });
  }
  const charge = chargeFor(fake, intentId);
  expect(BigInt(charge?.amount_refunded ?? -1)).toBe(ours.reduce((sum, refund) => sum + refund.amount, 0n));
  expect(charge?.refunds.data.length).toBe(ours.length);
  return ours;
}

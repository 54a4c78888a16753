import { and, count, eq } from "drizzle-orm";
import { afterAll } from "vitest";
import type { Db } from "@/db";
import { allocations, emailMessages, paymentMethodConfigs, payments, webhookEvents, type Invoice } from "@/db/schema";
import { env } from "@/lib/env";
import { resetStripeClient } from "@/lib/gateways/stripe/client";
import { publicTokenFor } from "@/lib/invoices/public-link";
import { handleStripeWebhook } from "@/lib/webhooks/stripe";
import { startFakeStripe, type FakeStripe, type StripeEvent } from "../fakes/stripe";
import { insertCustomers } from "./customers";
import { insertFinalizedInvoice } from "./invoice-rows";

export const APP_URL = "http://app.test";

/**
 * A fake Stripe for one test file, with STRIPE_* pointing at it. env() parses once per process,
 * so this must run before anything reads env() (call it first, at the top of the file).
 */
export async function startStripeForTests(): Promise<FakeStripe> {
  const fake = await startFakeStripe({});
  afterAll(() => fake.close());
  process.env.STRIPE_SECRET_KEY = fake.secretKey;
  process.env.STRIPE_WEBHOOK_SECRET = fake.webhookSecret;
  process.env.STRIPE_API_URL = fake.apiUrl;
  resetStripeClient();
  if (env().STRIPE_API_URL !== fake.apiUrl) throw new Error("env() was read before startStripeForTests(): call startStripeForTests() first in the test file");
  return fake;
}

/** What a Stripe test file shares: card payments enabled, invoices with public links, signed deliveries. */
export async function createStripeTestbed(db: Db, fake: FakeStripe) {
  await db.insert(paymentMethodConfigs).values({ method: "stripe_card", displayName: "Card", enabled: true });

  async function invoiceFor(total: bigint, options: { currency?: string; email?: string } = {}): Promise<{ invoice: Invoice; token: string }> {
    const [customer] = await insertCustomers(db, [{ companyName: "Card Payer Ltd", email: options.email ?? "payer@example.com", currency: options.currency ?? "USD" }]);
    if (!customer) throw new Error("customer insert returned nothing");
    const { invoice } = await insertFinalizedInvoice(db, { customerId: customer.id, currency: options.currency, status: "sent", lines: [{ quantity: 1, unitPrice: total }] });
    return { invoice, token: publicTokenFor(invoice) };
  }

  /** One signed delivery straight into the handler, as Stripe would POST it. */
  async function deliver(event: StripeEvent, sign: { timestamp?: number; secret?: string } = {}) {
    const { body, headers } = fake.signedDelivery(event, sign);
    return handleStripeWebhook(db, fake.webhookSecret, body, new Headers(headers));
  }

  /** Stripe's retry loop: every event delivered, the failed ones again, until all answer 2xx. */
  async function deliverUntilAccepted(events: StripeEvent[], maxRounds = 10): Promise<number> {
    let waiting = events;
    let rounds = 0;
    while (waiting.length > 0) {
      if (++rounds > maxRounds) throw new Error(`still failing after ${maxRounds} rounds: ${waiting.map((event) => event.type).join(", ")}`);
      const next: StripeEvent[] = [];
      for (const event of waiting) if ((await deliver(event)).status !== 200) next.push(event);
      waiting = next;
    }
    return rounds;
  }

  /** The session the fake made for our pending payment. */
  async function sessionOf(paymentId: string) {
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    const session = payment?.gatewayCheckoutId ? fake.sessions.get(payment.gatewayCheckoutId) : undefined;
    if (!session) throw new Error(`no session for payment ${paymentId}`);
    return session;
  }

  const paymentsOf = (invoiceId: string) => db.select().from(payments).where(eq(payments.invoiceId, invoiceId));
  const allocationsOf = (invoiceId: string) => db.select().from(allocations).where(eq(allocations.invoiceId, invoiceId));
  /** Customer receipts queued or sent for a payment. */
  const receiptsFor = (paymentId: string) =>
    db
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.entityId, paymentId), eq(emailMessages.template, "receipt")));
  async function eventRowCount() {
    const [row] = await db.select({ n: count() }).from(webhookEvents);
    return row?.n ?? 0;
  }

  return { invoiceFor, deliver, deliverUntilAccepted, sessionOf, paymentsOf, allocationsOf, receiptsFor, eventRowCount };
}

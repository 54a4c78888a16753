import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { disputes, payments, refunds, webhookEvents } from "@/db/schema";
import { startStripeCheckout } from "@/lib/gateways/stripe/checkout";
import { handleStripeWebhook } from "@/lib/webhooks/stripe";
import { createTestDatabase } from "../helpers/db";
import { readInvoice } from "../helpers/invoice-rows";
import { APP_URL, createStripeTestbed, startStripeForTests } from "../helpers/stripe";

const fake = await startStripeForTests();
const { db } = await createTestDatabase();
const bed = await createStripeTestbed(db, fake);

/** An invoice, a Checkout Session for its full amount, and the fake's events once the customer pays. */
async function paidCheckout(total: bigint) {
  const { invoice, token } = await bed.invoiceFor(total);
  await startStripeCheckout(db, { token, amount: total }, APP_URL);
  const [payment] = await bed.paymentsOf(invoice.id);
  if (!payment) throw new Error("no pending payment");
  const session = await bed.sessionOf(payment.id);
  const { events } = await fake.pay(session.id);
  return { invoice, payment, session, events };
}

describe("Stripe webhook: signatures", () => {
  it("rejects 100% of forged, tampered, stale and unsigned deliveries with 400 and writes no row", async () => {
    expect(await bed.eventRowCount()).toBe(0);
    const { events } = await paidCheckout(120_00n);
    const completed = events.find((event) => event.type === "checkout.session.completed");
    if (!completed) throw new Error("no completed event");
    const stale = Math.floor(Date.now() / 1000) - 301;
    const answers: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const wrongSecret = fake.signedDelivery(completed, { secret: `whsec_${randomBytes(24).toString("base64")}` });
      const good = fake.signedDelivery(completed);
      const tampered = good.body.replace(/"amount_total": \d+/, `"amount_total": ${i + 1}`);
      const oldOne = fake.signedDelivery(completed, { timestamp: stale - i });
      const garbled = { ...good.headers, "stripe-signature": `t=${Math.floor(Date.now() / 1000)},v1=${randomBytes(32).toString("hex")}` };
      const { "stripe-signature": _dropped, ...unsigned } = good.headers;
      const cases: [string, Record<string, string>][] = [
        [wrongSecret.body, wrongSecret.headers],
        [tampered, good.headers],
        [oldOne.body, oldOne.headers],
        [good.body, { ...good.headers, "stripe-signature": good.headers["stripe-signature"]?.replace(/v1=/, "v0=") ?? "" }],
        [good.body, garbled],
        [good.body, unsigned],
        [good.body, { ...good.headers, "stripe-signature": "" }],
      ];
      for (const [body, headers] of cases) {
        answers.push((await handleStripeWebhook(db, fake.webhookSecret, body, new Headers(headers))).status);
      }
    }
    expect(answers).toHaveLength(280);
    expect(answers.every((status) => status === 400)).toBe(true);
    expect(await bed.eventRowCount()).toBe(0);
    // the genuine delivery of the same event is accepted
    expect((await bed.deliver(completed)).status).toBe(200);
    expect(await bed.eventRowCount()).toBe(1);
  });
});

describe("Stripe webhook: one payment however often Stripe sends it", () => {
  it("settles once for the same checkout.session.completed delivered 150 times, with one allocation and one receipt", async () => {
    const { invoice, payment, events } = await paidCheckout(250_00n);
    const completed = events.find((event) => event.type === "checkout.session.completed");
    if (!completed) throw new Error("no completed event");
    const answers = [];
    for (let i = 0; i < 150; i += 1) answers.push(await bed.deliver(completed));
    expect(answers[0]?.body.result).toBe("processed");
    expect(answers.slice(1).every((answer) => answer.status === 200 && answer.body.result === "duplicate")).toBe(true);
    for (const event of events) expect((await bed.deliver(event)).status).toBe(200);

    const rows = await bed.paymentsOf(invoice.id);
    expect(rows.map((row) => row.status)).toEqual(["succeeded"]);
    expect(rows[0]?.gatewayPaymentId).toMatch(/^pi_/);
    expect(rows[0]?.receiptNumber).toMatch(/^REC-/);
    expect(await bed.allocationsOf(invoice.id)).toHaveLength(1);
    expect(await bed.receiptsFor(payment.id)).toHaveLength(1);
    const stored = await readInvoice(db, invoice.id);
    expect(stored).toMatchObject({ status: "paid", amountDue: 0n, amountPaid: 250_00n });
    const [eventRow] = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, completed.id));
    expect(eventRow).toMatchObject({ outcome: "applied", error: null });
  });

  it("stores Stripe's fee and net from the balance transaction", async () => {
    const { payment, events } = await paidCheckout(80_00n);
    for (const event of events) await bed.deliver(event);
    const [row] = await db.select().from(payments).where(eq(payments.id, payment.id));
    const intent = row?.gatewayPaymentId ? fake.paymentIntents.get(row.gatewayPaymentId) : undefined;
    const charge = intent?.latest_charge ? fake.charges.get(intent.latest_charge) : undefined;
    const balance = charge?.balance_transaction ? fake.balanceTransactions.get(charge.balance_transaction) : undefined;
    expect(balance).toBeDefined();
    expect(row?.feeAmount).toBe(BigInt(balance?.fee ?? -1));
    expect(row?.netAmount).toBe(BigInt(balance?.net ?? -1));
  });
});

describe("Stripe webhook: order does not matter", () => {
  /** Pays, refunds part in Stripe's dashboard, opens a dispute; returns every event the fake made, in order. */
  async function fullStory(total: bigint) {
    const story = await paidCheckout(total);
    const intentId = fake.sessions.get(story.session.id)?.payment_intent;
    if (!intentId) throw new Error("no intent");
    const refunded = await fake.refundInDashboard(intentId, 30_00n);
    const disputed = await fake.openDispute(intentId, { amount: 20_00n, reason: "fraudulent" });
    return { ...story, events: [...story.events, refunded, disputed] };
  }

  async function finalState(invoiceId: string, paymentId: string) {
    const invoice = await readInvoice(db, invoiceId);
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    const refundRows = await db.select({ amount: refunds.amount, status: refunds.status }).from(refunds).where(eq(refunds.paymentId, paymentId));
    const disputeRows = await db.select({ amount: disputes.amount, status: disputes.status }).from(disputes).where(eq(disputes.paymentId, paymentId));
    return {
      invoice: { status: invoice.status, amountPaid: invoice.amountPaid, amountDue: invoice.amountDue },
      payment: { status: payment?.status, amount: payment?.amount },
      refunds: refundRows,
      disputes: disputeRows,
      allocations: (await bed.allocationsOf(invoiceId)).map((row) => row.amount).sort(),
      receipts: (await bed.receiptsFor(paymentId)).length,
    };
  }

  it("reaches the same state when every event arrives in reverse order and failures are retried like Stripe", async () => {
    const inOrder = await fullStory(300_00n);
    expect(await bed.deliverUntilAccepted(inOrder.events)).toBe(1);
    const reversed = await fullStory(300_00n);
    const rounds = await bed.deliverUntilAccepted([...reversed.events].reverse());
    expect(rounds).toBeGreaterThan(1);

    const expected = await finalState(inOrder.invoice.id, inOrder.payment.id);
    expect(expected).toMatchObject({
      invoice: { status: "partial", amountPaid: 270_00n, amountDue: 30_00n },
      payment: { status: "succeeded", amount: 300_00n },
      refunds: [{ amount: 30_00n, status: "succeeded" }],
      disputes: [{ amount: 20_00n, status: "needs_response" }],
      receipts: 1,
    });
    expect(await finalState(reversed.invoice.id, reversed.payment.id)).toEqual(expected);
    // the failed attempts kept their error until a retry succeeded
    const rows = await db.select().from(webhookEvents).where(eq(webhookEvents.gateway, "stripe"));
    expect(rows.filter((row) => row.processedAt === null)).toEqual([]);
    expect(rows.some((row) => row.attempts > 1)).toBe(true);
  });
});

describe("Stripe webhook: amounts that do not match", () => {
  it("holds a completed session whose amount differs from our payment: not applied, invoice unpaid", async () => {
    const { invoice, payment, session } = await paidCheckout(99_00n);
    const forged = fake.event("checkout.session.completed", { ...fake.sessions.get(session.id), amount_total: 1_00 });
    const answer = await bed.deliver(forged);
    expect(answer.status).toBe(200);
    const [eventRow] = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, forged.id));
    expect(eventRow?.outcome).toBe("held");
    expect(eventRow?.heldReason).toBeTruthy();
    const [row] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row?.status).toBe("pending");
    expect(await bed.allocationsOf(invoice.id)).toHaveLength(0);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ amountDue: 99_00n, amountPaid: 0n });
  });

  it("holds a payment in another currency", async () => {
    const { invoice, session } = await paidCheckout(45_00n);
    const forged = fake.event("checkout.session.completed", { ...fake.sessions.get(session.id), currency: "eur" });
    await bed.deliver(forged);
    const [eventRow] = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, forged.id));
    expect(eventRow?.outcome).toBe("held");
    expect((await readInvoice(db, invoice.id)).amountPaid).toBe(0n);
  });

  it("answers 500 for a session that names a payment we do not have, and keeps the error on the row", async () => {
    const { session } = await paidCheckout(10_00n);
    const unknown = fake.event("checkout.session.completed", { ...fake.sessions.get(session.id), id: "cs_unknown_1", client_reference_id: crypto.randomUUID(), metadata: {}, payment_intent: "pi_unknown_1" });
    expect((await bed.deliver(unknown)).status).toBe(500);
    const [eventRow] = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, unknown.id));
    expect(eventRow?.processedAt).toBeNull();
    expect(eventRow?.error).toMatch(/No Stripe payment of ours/);
  });
});

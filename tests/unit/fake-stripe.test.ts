import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe";

// The fake is driven through the real SDK, and its webhooks are checked with the SDK's own
// constructEvent, so a test that passes here means the app's code sees what Stripe would send.

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/webhooks/stripe`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const verifier = new Stripe("sk_test_x");
let fake: FakeStripe;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let stripe: Stripe;

function sdk(options: Stripe.StripeConfig = {}) {
  const url = new URL(fake.apiUrl);
  return new Stripe(fake.secretKey, { host: url.hostname, port: url.port, protocol: "http", maxNetworkRetries: 2, ...options });
}

function verified(entry: Received): Stripe.Event {
  const signature = entry.headers["stripe-signature"];
  if (typeof signature !== "string") throw new Error("no Stripe-Signature header");
  return verifier.webhooks.constructEvent(entry.body, signature, fake.webhookSecret);
}

const sessionParams = (amount = 1250): Stripe.Checkout.SessionCreateParams => ({
  mode: "payment",
  line_items: [{ price_data: { currency: "USD", unit_amount: amount, product_data: { name: "Invoice INV-0001" } }, quantity: 1 }],
  client_reference_id: "pay_123",
  metadata: { payment_id: "pay_123", invoice_id: "inv_1" },
  payment_intent_data: { metadata: { payment_id: "pay_123" } },
  customer_email: "ana@example.com",
  success_url: "http://app.test/i/tok/paid?session_id={CHECKOUT_SESSION_ID}",
  cancel_url: "http://app.test/i/tok/cancelled",
});

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(async (context) => {
  fake = await startFakeStripe({ webhookUrl: receiver.url });
  stripe = sdk();
  receiver.received.length = 0;
  context.onTestFinished(() => fake.close());
});

describe("fake Stripe checkout", () => {
  it("creates a session like Stripe and its Pay button sends correctly signed events, then redirects", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect(session.id).toMatch(/^cs_test_/);
    expect(session).toMatchObject({ object: "checkout.session", mode: "payment", status: "open", payment_status: "unpaid", amount_total: 1250, currency: "usd", client_reference_id: "pay_123", payment_intent: null });
    expect(session.url).toBe(fake.checkoutUrl(session.id));

    const page = await (await fetch(fake.checkoutUrl(session.id))).text();
    expect(page).toContain('data-testid="fake-stripe-pay"');
    expect(page).toContain("Pay $12.50");

    const paid = await fetch(`${fake.checkoutUrl(session.id)}/pay`, { method: "POST", body: new URLSearchParams({ outcome: "succeeded" }), redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`http://app.test/i/tok/paid?session_id=${session.id}`);

    const events = receiver.received.map(verified);
    expect(events.map((event) => event.type)).toEqual(["checkout.session.completed", "payment_intent.succeeded"]);
    const [completed, succeeded] = events;
    if (completed?.type !== "checkout.session.completed" || succeeded?.type !== "payment_intent.succeeded") throw new Error("unexpected events");
    expect(completed.data.object).toMatchObject({ id: session.id, status: "complete", payment_status: "paid", amount_total: 1250, currency: "usd", metadata: { invoice_id: "inv_1" } });
    expect(succeeded.data.object).toMatchObject({ amount: 1250, amount_received: 1250, status: "succeeded", metadata: { payment_id: "pay_123" } });
    expect(completed.api_version).toBe(stripe.getApiField("version"));

    const intent = await stripe.paymentIntents.retrieve(succeeded.data.object.id, { expand: ["latest_charge.balance_transaction"] });
    const charge = intent.latest_charge;
    if (!charge || typeof charge === "string") throw new Error("latest_charge not expanded");
    const txn = charge.balance_transaction;
    if (!txn || typeof txn === "string") throw new Error("balance_transaction not expanded");
    expect(txn.fee).toBe(66); // 2.9% of 12.50 rounded + 30
    expect(txn.net).toBe(1250 - 66);
    expect(charge.id).toMatch(/^ch_/);
    expect(txn.id).toMatch(/^txn_/);

    const withItems = await stripe.checkout.sessions.retrieve(session.id, { expand: ["line_items", "payment_intent"] });
    expect(withItems.line_items?.data).toMatchObject([{ description: "Invoice INV-0001", amount_total: 1250, currency: "usd" }]);
    expect(withItems.payment_intent).toMatchObject({ id: intent.id, object: "payment_intent" });
  });

  it("signatures fail with another secret or an altered body", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await fake.pay(session.id);
    const [first] = receiver.received;
    if (!first) throw new Error("nothing delivered");
    const header = String(first.headers["stripe-signature"]);
    expect(() => verifier.webhooks.constructEvent(first.body, header, "whsec_other")).toThrow(/signature/i);
    expect(() => verifier.webhooks.constructEvent(first.body.replace("1250", "1"), header, fake.webhookSecret)).toThrow(/signature/i);
    const stale = fake.signedDelivery(fake.event("ping", {}), { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(() => verifier.webhooks.constructEvent(stale.body, stale.headers["stripe-signature"] ?? "", fake.webhookSecret)).toThrow(/tolerance/i);
  });

  it("a decline sends payment_intent.payment_failed and keeps the session open; async settles later", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const declined = await fetch(`${fake.checkoutUrl(session.id)}/pay`, { method: "POST", body: new URLSearchParams({ outcome: "failed" }), redirect: "manual" });
    expect(declined.headers.get("location")).toBe(`/checkout/${session.id}?declined=1`);
    expect(receiver.received.map(verified).map((event) => event.type)).toEqual(["payment_intent.payment_failed"]);
    expect(fake.sessions.get(session.id)?.status).toBe("open");

    const { events } = await fake.pay(session.id, { outcome: "async_pending" });
    expect(events.map((event) => [event.type, Reflect.get(event.data.object, "payment_status")])).toEqual([["checkout.session.completed", "unpaid"]]);
    const settled = await fake.finishAsync(session.id, "succeeded");
    expect(settled.events.map((event) => event.type)).toEqual(["checkout.session.async_payment_succeeded", "payment_intent.succeeded"]);
    expect(fake.sessions.get(session.id)?.payment_status).toBe("paid");
  });
});

describe("fake Stripe idempotency and faults", () => {
  it("error-after: the SDK's retry with the same key gets the object already made", async () => {
    fake.failNext("POST /v1/checkout/sessions", "error-after");
    const session = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: "checkout_pay_123" });
    expect(fake.sessions.size).toBe(1);
    expect(fake.calls.map((call) => [call.method, call.path, call.idempotencyKey, call.status])).toEqual([
      ["POST", "/v1/checkout/sessions", "checkout_pay_123", 500],
      ["POST", "/v1/checkout/sessions", "checkout_pay_123", 200],
    ]);
    const again = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: "checkout_pay_123" });
    expect(again.id).toBe(session.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    await expect(stripe.checkout.sessions.create(sessionParams(999), { idempotencyKey: "checkout_pay_123" })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(fake.sessions.size).toBe(1);
  });

  it("error-before fails without doing anything; retries run it once", async () => {
    fake.failNext("POST /v1/checkout/sessions", "error-before", 2);
    await expect(sdk({ maxNetworkRetries: 1 }).checkout.sessions.create(sessionParams())).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(fake.sessions.size).toBe(0);
    fake.failNext("POST /v1/checkout/sessions", "error-before");
    await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: "k2" });
    expect(fake.sessions.size).toBe(1);
  });

  it("stall: the work is done, the client times out and its retry is answered from the stored result", async () => {
    fake.failNext("POST /v1/checkout/sessions", "stall");
    const session = await sdk({ timeout: 300, maxNetworkRetries: 1 }).checkout.sessions.create(sessionParams(), { idempotencyKey: "k3" });
    expect(fake.sessions.size).toBe(1);
    expect(fake.calls.map((call) => call.status)).toEqual([0, 200]);
    expect(fake.sessions.has(session.id)).toBe(true);
  });

  it("refuses a wrong key and unknown ids the way Stripe does", async () => {
    await expect(sdk().customers.create({}, { apiKey: "sk_test_wrong" })).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    await expect(stripe.paymentIntents.retrieve("pi_nope")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});

describe("fake Stripe refunds, saved cards and disputes", () => {
  async function paidIntent(): Promise<string> {
    const session = await stripe.checkout.sessions.create(sessionParams(5000));
    await fake.pay(session.id);
    receiver.received.length = 0;
    return fake.sessions.get(session.id)?.payment_intent ?? "";
  }

  it("refunds partially up to the charge, sending charge.refunded and refund.created", async () => {
    const intentId = await paidIntent();
    const refund = await stripe.refunds.create({ payment_intent: intentId, amount: 2000, metadata: { refund_id: "r1" } }, { idempotencyKey: "refund_r1" });
    expect(refund).toMatchObject({ object: "refund", amount: 2000, status: "succeeded", payment_intent: intentId });
    expect(refund.id).toMatch(/^re_/);
    await fake.flush();
    const events = receiver.received.map(verified);
    expect(events.map((event) => event.type)).toEqual(["charge.refunded", "refund.created"]);
    expect(events[0]?.data.object).toMatchObject({ amount_refunded: 2000, refunded: false, refunds: { data: [{ id: refund.id }] } });
    await expect(stripe.refunds.create({ payment_intent: intentId, amount: 3001 })).rejects.toMatchObject({ statusCode: 400, code: "amount_too_large" });
    const dashboard = await fake.refundInDashboard(intentId, 3000n);
    expect(dashboard.type).toBe("charge.refunded");
    expect(dashboard.data.object).toMatchObject({ amount_refunded: 5000, refunded: true });
  });

  it("saves a card in setup mode and charges it off-session; a declined card answers 402", async () => {
    const customer = await stripe.customers.create({ email: "ana@example.com", metadata: { customer_id: "c1" } });
    const session = await stripe.checkout.sessions.create({ mode: "setup", customer: customer.id, currency: "usd", success_url: "http://app.test/ok", cancel_url: "http://app.test/no" });
    const { events } = await fake.pay(session.id);
    expect(events.map((event) => event.type)).toEqual(["checkout.session.completed"]);
    const setupIntentId = fake.sessions.get(session.id)?.setup_intent ?? "";
    const setupIntent = await stripe.setupIntents.retrieve(setupIntentId, { expand: ["payment_method"] });
    const method = setupIntent.payment_method;
    if (!method || typeof method === "string") throw new Error("payment_method not expanded");
    expect(method).toMatchObject({ customer: customer.id, card: { brand: "visa", last4: "4242" } });

    const intent = await stripe.paymentIntents.create({ amount: 700, currency: "usd", customer: customer.id, payment_method: method.id, off_session: true, confirm: true }, { idempotencyKey: "charge_1" });
    expect(intent).toMatchObject({ status: "succeeded", amount_received: 700 });
    await fake.flush();
    expect(receiver.received.map(verified).map((event) => event.type)).toContain("payment_intent.succeeded");

    fake.declineCard(method.id);
    await expect(stripe.paymentIntents.create({ amount: 700, currency: "usd", customer: customer.id, payment_method: method.id, off_session: true, confirm: true })).rejects.toBeInstanceOf(Stripe.errors.StripeCardError);
  });

  it("opens, answers and closes a dispute", async () => {
    const intentId = await paidIntent();
    const created = await fake.openDispute(intentId, { amount: 5000n, reason: "product_not_received" });
    expect(created.type).toBe("charge.dispute.created");
    const disputeId = Reflect.get(created.data.object, "id");
    expect(typeof disputeId === "string" && disputeId.startsWith("dp_")).toBe(true);
    const dispute = await stripe.disputes.update(String(disputeId), { evidence: { uncategorized_text: "Delivered on 3 May" }, submit: true });
    expect(dispute).toMatchObject({ status: "under_review", evidence: { uncategorized_text: "Delivered on 3 May" }, payment_intent: intentId });
    const closed = await fake.closeDispute(String(disputeId), "lost");
    await fake.flush();
    expect(closed.data.object).toMatchObject({ status: "lost" });
    expect(receiver.received.map(verified).map((event) => event.type)).toEqual(["charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed"]);
  });
});

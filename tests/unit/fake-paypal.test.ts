import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakePayPal, type FakePayPal } from "../fakes/paypal";

// The fake PayPal driven with plain fetch, as the app's client does: token, orders, capture,
// refunds, request-id replay, and webhook deliveries checked through the verify API.

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
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/webhooks/paypal`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let fake: FakePayPal;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let token: string;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; data: Record<string, unknown> }> {
  const response = await fetch(`${fake.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, data: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function newToken(): Promise<string> {
  const response = await fetch(`${fake.apiUrl}/v1/oauth2/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  const data = (await response.json()) as { access_token: string; token_type: string };
  expect(data.token_type).toBe("Bearer");
  return data.access_token;
}

const orderBody = { intent: "CAPTURE", purchase_units: [{ amount: { currency_code: "USD", value: "12.50" }, invoice_id: "inv_1", custom_id: "pay_1" }] };

async function createOrder(): Promise<string> {
  const { status, data } = await call("POST", "/v2/checkout/orders", orderBody, { "paypal-request-id": `order-${Math.random()}` });
  expect(status).toBe(201);
  return String(data.id);
}

async function verify(entry: Received, webhookId = fake.webhookId): Promise<unknown> {
  const header = (name: string) => String(entry.headers[name]);
  const body = `{"auth_algo":${JSON.stringify(header("paypal-auth-algo"))},"cert_url":${JSON.stringify(header("paypal-cert-url"))},"transmission_id":${JSON.stringify(header("paypal-transmission-id"))},"transmission_sig":${JSON.stringify(header("paypal-transmission-sig"))},"transmission_time":${JSON.stringify(header("paypal-transmission-time"))},"webhook_id":${JSON.stringify(webhookId)},"webhook_event":${entry.body}}`;
  const { status, data } = await call("POST", "/v1/notifications/verify-webhook-signature", body);
  expect(status).toBe(200);
  return data.verification_status;
}

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(async (context) => {
  fake = await startFakePayPal({ webhookUrl: receiver.url });
  token = await newToken();
  receiver.received.length = 0;
  context.onTestFinished(() => fake.close());
});

describe("fake PayPal orders", () => {
  it("refuses bad credentials and unknown tokens", async () => {
    const response = await fetch(`${fake.apiUrl}/v1/oauth2/token`, { method: "POST", headers: { authorization: "Basic eDp5" }, body: "grant_type=client_credentials" });
    expect(response.status).toBe(401);
    token = "nope";
    expect((await call("GET", "/v2/checkout/orders/X")).status).toBe(401);
  });

  it("capture before approval is 422 ORDER_NOT_APPROVED; after approval it completes and sends the webhook", async () => {
    const orderId = await createOrder();
    const early = await call("POST", `/v2/checkout/orders/${orderId}/capture`, {}, { "paypal-request-id": "cap-1" });
    expect(early.status).toBe(422);
    expect(early.data).toMatchObject({ name: "UNPROCESSABLE_ENTITY", details: [{ issue: "ORDER_NOT_APPROVED" }] });

    fake.approve(orderId);
    const captured = await call("POST", `/v2/checkout/orders/${orderId}/capture`, {}, { "paypal-request-id": "cap-2" });
    expect(captured.status).toBe(201);
    expect(captured.data).toMatchObject({ id: orderId, status: "COMPLETED", purchase_units: [{ payments: { captures: [{ status: "COMPLETED", amount: { value: "12.50" } }] } }] });
    const again = await call("POST", `/v2/checkout/orders/${orderId}/capture`, {}, { "paypal-request-id": "cap-2" });
    expect(again).toEqual(captured);
    expect(fake.captures.size).toBe(1);

    await fake.flush();
    const [delivery] = receiver.received;
    if (!delivery) throw new Error("no webhook");
    const event = JSON.parse(delivery.body) as { event_type: string; resource: Record<string, unknown> };
    expect(event.event_type).toBe("PAYMENT.CAPTURE.COMPLETED");
    expect(event.resource).toMatchObject({ status: "COMPLETED", amount: { currency_code: "USD", value: "12.50" }, custom_id: "pay_1", invoice_id: "inv_1", supplementary_data: { related_ids: { order_id: orderId } } });
    expect(event.resource.seller_receivable_breakdown).toMatchObject({ paypal_fee: { value: "0.93" }, net_amount: { value: "11.57" } });
  });

  it("the approve URL works in a browser and refuses amounts PayPal refuses", async () => {
    const orderId = await createOrder();
    const page = await fetch(fake.approveUrl(orderId));
    expect(await page.text()).toContain("approved");
    expect(fake.orders.get(orderId)?.status).toBe("APPROVED");
    const bad = await call("POST", "/v2/checkout/orders", { intent: "CAPTURE", purchase_units: [{ amount: { currency_code: "JPY", value: "12.5" } }] });
    expect(bad.status).toBe(422);
    expect(bad.data).toMatchObject({ details: [{ issue: "DECIMAL_PRECISION" }] });
  });

  it("PayPal-Request-Id replays after a 500 that came after the work", async () => {
    fake.failNext("POST /v2/checkout/orders", "error-after");
    const first = await call("POST", "/v2/checkout/orders", orderBody, { "paypal-request-id": "same" });
    expect(first.status).toBe(500);
    const retry = await call("POST", "/v2/checkout/orders", orderBody, { "paypal-request-id": "same" });
    expect(retry.status).toBe(201);
    expect(fake.orders.size).toBe(1);
    expect(fake.calls.filter((entry) => entry.path === "/v2/checkout/orders").map((entry) => [entry.idempotencyKey, entry.status])).toEqual([
      ["same", 500],
      ["same", 201],
    ]);
    fake.failNext("POST /v2/checkout/orders/:id/capture", "error-before");
    const orderId = String(retry.data.id);
    fake.approve(orderId);
    expect((await call("POST", `/v2/checkout/orders/${orderId}/capture`, {}, { "paypal-request-id": "c" })).status).toBe(500);
    expect(fake.captures.size).toBe(0);
  });
});

describe("fake PayPal refunds and webhooks", () => {
  async function capturedId(): Promise<string> {
    const orderId = await createOrder();
    fake.approve(orderId);
    await call("POST", `/v2/checkout/orders/${orderId}/capture`);
    await fake.flush();
    receiver.received.length = 0;
    return [...fake.captures.keys()][0] ?? "";
  }

  it("refunds partially up to the captured amount, with the capture linked as 'up'", async () => {
    const captureId = await capturedId();
    const refund = await call("POST", `/v2/payments/captures/${captureId}/refund`, { amount: { currency_code: "USD", value: "5.00" } }, { "paypal-request-id": "r1" });
    expect(refund.status).toBe(201);
    expect(refund.data).toMatchObject({ status: "COMPLETED", amount: { value: "5.00" }, links: expect.arrayContaining([expect.objectContaining({ rel: "up", href: `${fake.apiUrl}/v2/payments/captures/${captureId}` })]) });
    const tooMuch = await call("POST", `/v2/payments/captures/${captureId}/refund`, { amount: { currency_code: "USD", value: "7.51" } }, { "paypal-request-id": "r2" });
    expect(tooMuch.data).toMatchObject({ details: [{ issue: "REFUND_AMOUNT_EXCEEDED" }] });
    await fake.flush();
    expect(receiver.received.map((entry) => (JSON.parse(entry.body) as { event_type: string }).event_type)).toEqual(["PAYMENT.CAPTURE.REFUNDED"]);
    expect(fake.captures.get(captureId)?.status).toBe("PARTIALLY_REFUNDED");
    await fake.refundInDashboard(captureId);
    expect(fake.captures.get(captureId)?.status).toBe("REFUNDED");
  });

  it("verify says SUCCESS for a real delivery and FAILURE for a forged, altered or misaddressed one", async () => {
    await capturedId();
    const event = fake.event("PAYMENT.CAPTURE.COMPLETED", { id: "X", amount: { currency_code: "USD", value: "1.00" } });
    await fake.deliver(event);
    await fake.deliver(event, { forge: true });
    const [real, forged] = receiver.received;
    if (!real || !forged) throw new Error("deliveries missing");
    expect(await verify(real)).toBe("SUCCESS");
    expect(await verify({ ...real, body: JSON.stringify(JSON.parse(real.body), null, 2) })).toBe("SUCCESS");
    expect(await verify(forged)).toBe("FAILURE");
    expect(await verify({ ...real, body: real.body.replace('"1.00"', '"100.00"') })).toBe("FAILURE");
    expect(await verify(real, "WH-OTHER")).toBe("FAILURE");
  });
});

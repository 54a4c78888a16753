import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as captureRoute } from "@/app/api/pay/paypal/orders/[orderId]/capture/route";
import { POST as ordersRoute } from "@/app/api/pay/paypal/orders/route";
import { POST as webhookRoute } from "@/app/api/webhooks/paypal/route";
import type { Db } from "@/db";
import { emailMessages, payments } from "@/db/schema";
import { jsonRequest, startPayPalTestbed } from "@/tests/helpers/paypal";

// Create + capture through the route handlers against the PayPal fake, and the faults around
// them: capture before approval, a retried capture, a create that fails after doing its work.

let bed: Awaited<ReturnType<typeof startPayPalTestbed>>;
let db: Db;

beforeAll(async () => {
  bed = await startPayPalTestbed(webhookRoute);
  db = bed.db;
});

type Json = Record<string, unknown>;

async function createOrder(token: string, amount: bigint): Promise<{ status: number; body: Json }> {
  const response = await ordersRoute(jsonRequest("/api/pay/paypal/orders", { token, amount: amount.toString() }));
  return { status: response.status, body: (await response.json()) as Json };
}

async function capture(token: string, orderId: string): Promise<{ status: number; body: Json }> {
  const response = await captureRoute(jsonRequest(`/api/pay/paypal/orders/${orderId}/capture`, { token }), { params: Promise.resolve({ orderId }) });
  return { status: response.status, body: (await response.json()) as Json };
}

const paymentsOf = (invoiceId: string) => db.select().from(payments).where(eq(payments.invoiceId, invoiceId));

async function receiptsFor(paymentId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(emailMessages)
    .where(and(eq(emailMessages.template, "receipt"), eq(emailMessages.entityType, "payment"), eq(emailMessages.entityId, paymentId)));
  return row?.n ?? 0;
}

function orderIdOf(body: Json): string {
  if (typeof body.orderId !== "string") throw new Error(`no order id in ${JSON.stringify(body)}`);
  return body.orderId;
}

describe("PayPal create + capture through the routes", () => {
  it("pays the invoice once, with a receipt", async () => {
    const { invoice, token } = await bed.openInvoice(125_00n);
    const created = await createOrder(token, 125_00n);
    expect(created.status).toBe(200);
    const orderId = orderIdOf(created.body);
    expect(created.body.approveUrl).toEqual(expect.any(String));

    const [pending] = await paymentsOf(invoice.id);
    expect(pending).toMatchObject({ status: "pending", gateway: "paypal", gatewayCheckoutId: orderId, method: "paypal", origin: "customer", amount: 125_00n });
    // the order PayPal holds says what we asked for, linked to our rows
    const orderCall = bed.fake.calls.find((call) => call.method === "POST" && call.path === "/v2/checkout/orders" && call.idempotencyKey === `order_${pending?.id}`);
    expect(orderCall?.status).toBe(201);

    bed.fake.approve(orderId);
    const captured = await capture(token, orderId);
    expect(captured).toEqual({ status: 200, body: { ok: true, status: "succeeded", invoiceStatus: "paid", amountDue: "0" } });

    const rows = await paymentsOf(invoice.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "succeeded", amount: 125_00n, currency: "USD" });
    expect(rows[0]?.gatewayPaymentId).toEqual(expect.any(String));
    expect(rows[0]?.receiptNumber).toMatch(/^REC-/);
    expect((await bed.reloadInvoice(invoice.id)).amountPaid).toBe(125_00n);
    expect(await receiptsFor(rows[0]?.id ?? "")).toBe(1);
  });

  it("refuses to capture before the buyer approved, changing nothing", async () => {
    const { invoice, token } = await bed.openInvoice(40_00n);
    const orderId = orderIdOf((await createOrder(token, 40_00n)).body);

    const early = await capture(token, orderId);
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ ok: false, code: "ORDER_NOT_APPROVED" });
    const [row] = await paymentsOf(invoice.id);
    expect(row).toMatchObject({ status: "pending", gatewayPaymentId: null, receiptNumber: null });
    expect((await bed.reloadInvoice(invoice.id)).amountDue).toBe(40_00n);

    // approving afterwards still works: the refusal left the order usable
    bed.fake.approve(orderId);
    expect((await capture(token, orderId)).body).toMatchObject({ status: "succeeded", invoiceStatus: "paid" });
  });

  it("gives one payment when the same capture is sent again, one after another and at once", async () => {
    const { invoice, token } = await bed.openInvoice(60_00n);
    const orderId = orderIdOf((await createOrder(token, 60_00n)).body);
    bed.fake.approve(orderId);

    const answers = await Promise.all([capture(token, orderId), capture(token, orderId), capture(token, orderId)]);
    const again = await capture(token, orderId);
    for (const answer of [...answers, again]) expect(answer.body).toMatchObject({ ok: true, status: "succeeded", invoiceStatus: "paid", amountDue: "0" });

    const rows = await paymentsOf(invoice.id);
    expect(rows).toHaveLength(1);
    expect((await bed.reloadInvoice(invoice.id)).amountPaid).toBe(60_00n);
    expect(await receiptsFor(rows[0]?.id ?? "")).toBe(1);
    // every capture PayPal saw carried the same request id
    const captureCalls = bed.fake.calls.filter((call) => call.path === `/v2/checkout/orders/${orderId}/capture`);
    expect(new Set(captureCalls.map((call) => call.idempotencyKey))).toEqual(new Set([`capture_${rows[0]?.id}`]));
  });

  it("makes one order and one payment when PayPal fails the first create after doing it", async () => {
    const { invoice, token } = await bed.openInvoice(75_00n);
    const ordersBefore = bed.fake.orders.size;
    bed.fake.failNext("POST /v2/checkout/orders", "error-after");

    const created = await createOrder(token, 75_00n);
    expect(created.status).toBe(200);
    const orderId = orderIdOf(created.body);
    expect(bed.fake.orders.size).toBe(ordersBefore + 1);
    const rows = await paymentsOf(invoice.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.gatewayCheckoutId).toBe(orderId);
    const creates = bed.fake.calls.filter((call) => call.method === "POST" && call.path === "/v2/checkout/orders" && call.idempotencyKey === `order_${rows[0]?.id}`);
    expect(creates.map((call) => call.status)).toEqual([500, 201]);

    bed.fake.approve(orderId);
    expect((await capture(token, orderId)).body).toMatchObject({ status: "succeeded", invoiceStatus: "paid" });
  });

  it("refuses a capture for an order of another invoice", async () => {
    const first = await bed.openInvoice(10_00n);
    const second = await bed.openInvoice(10_00n);
    const orderId = orderIdOf((await createOrder(first.token, 10_00n)).body);
    bed.fake.approve(orderId);
    const answer = await capture(second.token, orderId);
    expect(answer.status).toBe(404);
    expect((await paymentsOf(first.invoice.id))[0]?.status).toBe("pending");
  });

  it("refuses a bad token, a wrong amount and a paid invoice before calling PayPal", async () => {
    const { token } = await bed.openInvoice(20_00n);
    const creates = () => bed.fake.calls.filter((call) => call.path === "/v2/checkout/orders").length;
    const createsBefore = creates();
    expect((await createOrder("x".repeat(54), 20_00n)).status).toBe(404);
    expect((await createOrder(token, 25_00n)).status).toBe(422);
    expect((await ordersRoute(jsonRequest("/api/pay/paypal/orders", { token, amount: "12.50" }))).status).toBe(400);
    expect(creates()).toBe(createsBefore);
  });
});

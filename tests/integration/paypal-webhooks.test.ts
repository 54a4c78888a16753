import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as captureRoute } from "@/app/api/pay/paypal/orders/[orderId]/capture/route";
import { POST as ordersRoute } from "@/app/api/pay/paypal/orders/route";
import { POST as webhookRoute } from "@/app/api/webhooks/paypal/route";
import type { Db } from "@/db";
import { emailMessages, payments, refunds, webhookEvents, type Payment } from "@/db/schema";
import { paypalRefundCall } from "@/lib/gateways/paypal/refund";
import { issueRefund } from "@/lib/refunds/issue";
import { insertStaffActor } from "@/tests/helpers/invoice-rows";
import { jsonRequest, startPayPalTestbed } from "@/tests/helpers/paypal";

// PAYMENT.CAPTURE.* webhooks through the route over HTTP from the fake: verification (forged,
// unsigned, verify API down), duplicates, events after the capture route settled, refunds.

let bed: Awaited<ReturnType<typeof startPayPalTestbed>>;
let db: Db;

beforeAll(async () => {
  bed = await startPayPalTestbed(webhookRoute);
  db = bed.db;
});

type Json = Record<string, unknown>;

/** An invoice with a pending PayPal payment and its order (approved by the buyer when asked). */
async function pendingPayPalPayment(total: bigint, approve = true): Promise<{ token: string; invoiceId: string; orderId: string; payment: Payment }> {
  const { invoice, token } = await bed.openInvoice(total);
  const response = await ordersRoute(jsonRequest("/api/pay/paypal/orders", { token, amount: total.toString() }));
  const body = (await response.json()) as Json;
  if (typeof body.orderId !== "string") throw new Error(`no order: ${JSON.stringify(body)}`);
  if (approve) bed.fake.approve(body.orderId);
  const [payment] = await db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
  if (!payment) throw new Error("no pending payment");
  return { token, invoiceId: invoice.id, orderId: body.orderId, payment };
}

async function captureThroughRoute(token: string, orderId: string): Promise<Json> {
  const response = await captureRoute(jsonRequest(`/api/pay/paypal/orders/${orderId}/capture`, { token }), { params: Promise.resolve({ orderId }) });
  return (await response.json()) as Json;
}

const paymentRow = async (id: string) => (await db.select().from(payments).where(eq(payments.id, id)))[0];
const eventRow = async (eventId: string) => (await db.select().from(webhookEvents).where(and(eq(webhookEvents.gateway, "paypal"), eq(webhookEvents.eventId, eventId))))[0];

async function emailsFor(template: string, entityId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(emailMessages)
    .where(and(eq(emailMessages.template, template), eq(emailMessages.entityId, entityId)));
  return row?.n ?? 0;
}

const captureResource = (payment: Payment, captureId: string, orderId: string, value = "50.00") => ({
  id: captureId,
  status: "COMPLETED",
  amount: { currency_code: "USD", value },
  custom_id: payment.id,
  supplementary_data: { related_ids: { order_id: orderId } },
});

const refundResource = (captureId: string, refundId: string, value: string) => ({
  id: refundId,
  status: "COMPLETED",
  amount: { currency_code: "USD", value },
  links: [{ rel: "up", method: "GET", href: `${bed.fake.apiUrl}/v2/payments/captures/${captureId}` }],
});

describe("PayPal webhook verification", () => {
  it("answers 400 to a forged delivery and writes nothing", async () => {
    const { payment, orderId } = await pendingPayPalPayment(50_00n);
    const event = bed.fake.event("PAYMENT.CAPTURE.COMPLETED", captureResource(payment, "FORGED-CAPTURE", orderId));
    const response = await bed.fake.deliver(event, { forge: true });
    expect(response.status).toBe(400);
    expect(await eventRow(event.id)).toBeUndefined();
    expect((await paymentRow(payment.id))?.status).toBe("pending");
  });

  it("answers 400 without PayPal's transmission headers and writes nothing", async () => {
    const body = JSON.stringify({ id: "WH-NO-HEADERS", event_type: "PAYMENT.CAPTURE.COMPLETED", resource: {} });
    const response = await webhookRoute(new Request("http://127.0.0.1/api/webhooks/paypal", { method: "POST", headers: { "content-type": "application/json" }, body }));
    expect(response.status).toBe(400);
    expect(await eventRow("WH-NO-HEADERS")).toBeUndefined();
  });

  it("answers 503 and writes nothing while PayPal's verify API fails, then applies the redelivery", async () => {
    const { payment, orderId } = await pendingPayPalPayment(50_00n);
    const event = bed.fake.event("PAYMENT.CAPTURE.COMPLETED", captureResource(payment, "CAPTURE-AFTER-OUTAGE", orderId));
    bed.fake.failNext("POST /v1/notifications/verify-webhook-signature", "error-before", 3);
    expect((await bed.fake.deliver(event)).status).toBe(503);
    expect(await eventRow(event.id)).toBeUndefined();

    expect((await bed.fake.deliver(event)).status).toBe(200);
    expect(await eventRow(event.id)).toMatchObject({ outcome: "applied", error: null });
    expect(await paymentRow(payment.id)).toMatchObject({ status: "succeeded", gatewayPaymentId: "CAPTURE-AFTER-OUTAGE" });
    expect(await emailsFor("receipt", payment.id)).toBe(1);
  });
});

describe("PAYMENT.CAPTURE.COMPLETED / DENIED", () => {
  it("is ignored when the capture route already settled the payment", async () => {
    const { token, orderId, payment, invoiceId } = await pendingPayPalPayment(50_00n);
    expect(await captureThroughRoute(token, orderId)).toMatchObject({ status: "succeeded" });
    const settled = await paymentRow(payment.id);
    const event = bed.fake.event("PAYMENT.CAPTURE.COMPLETED", captureResource(payment, settled?.gatewayPaymentId ?? "", orderId));

    expect((await bed.fake.deliver(event)).status).toBe(200);
    expect((await bed.fake.deliver(event)).status).toBe(200);
    expect(await eventRow(event.id)).toMatchObject({ outcome: "ignored" });
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoiceId))).toHaveLength(1);
    expect((await bed.reloadInvoice(invoiceId)).amountPaid).toBe(50_00n);
    expect(await emailsFor("receipt", payment.id)).toBe(1);
  });

  it("holds a capture whose amount differs from ours and changes nothing", async () => {
    const { payment, orderId, invoiceId } = await pendingPayPalPayment(50_00n);
    const event = bed.fake.event("PAYMENT.CAPTURE.COMPLETED", captureResource(payment, "CAPTURE-WRONG-AMOUNT", orderId, "5.00"));
    expect((await bed.fake.deliver(event)).status).toBe(200);
    expect(await eventRow(event.id)).toMatchObject({ outcome: "held" });
    expect((await paymentRow(payment.id))?.status).toBe("pending");
    expect((await bed.reloadInvoice(invoiceId)).amountPaid).toBe(0n);
  });

  it("answers 500 for a capture we do not know, keeping the error for PayPal's retry", async () => {
    const event = bed.fake.event("PAYMENT.CAPTURE.COMPLETED", { id: "CAPTURE-UNKNOWN", status: "COMPLETED", amount: { currency_code: "USD", value: "1.00" } });
    expect((await bed.fake.deliver(event)).status).toBe(500);
    const row = await eventRow(event.id);
    expect(row?.processedAt).toBeNull();
    expect(row?.error).toContain("CAPTURE-UNKNOWN");
  });

  it("fails the payment on DENIED and tells the customer, once", async () => {
    const { payment, orderId } = await pendingPayPalPayment(50_00n);
    const event = bed.fake.event("PAYMENT.CAPTURE.DENIED", { ...captureResource(payment, "CAPTURE-DENIED", orderId), status: "DECLINED" });
    expect((await bed.fake.deliver(event)).status).toBe(200);
    expect((await bed.fake.deliver(bed.fake.event("PAYMENT.CAPTURE.DENIED", { ...captureResource(payment, "CAPTURE-DENIED", orderId), status: "DECLINED" }))).status).toBe(200);
    expect(await paymentRow(payment.id)).toMatchObject({ status: "failed" });
    expect(await emailsFor("payment-failed", payment.id)).toBe(1);
  });

  it("records other event types as ignored", async () => {
    const event = bed.fake.event("CHECKOUT.ORDER.APPROVED", { id: "ORDER-WHATEVER", status: "APPROVED" });
    expect((await bed.fake.deliver(event)).status).toBe(200);
    expect(await eventRow(event.id)).toMatchObject({ outcome: "ignored" });
  });
});

describe("PAYMENT.CAPTURE.REFUNDED / REVERSED", () => {
  async function paidThroughRoute(total: bigint) {
    const pending = await pendingPayPalPayment(total);
    await captureThroughRoute(pending.token, pending.orderId);
    const payment = await paymentRow(pending.payment.id);
    if (!payment?.gatewayPaymentId) throw new Error("not captured");
    return { ...pending, captureId: payment.gatewayPaymentId };
  }

  const refundsOf = (paymentId: string) => db.select().from(refunds).where(eq(refunds.paymentId, paymentId));

  it("records a dashboard refund once, however often it is delivered, and balances follow", async () => {
    const { payment, invoiceId, captureId } = await paidThroughRoute(80_00n);
    const event = bed.fake.event("PAYMENT.CAPTURE.REFUNDED", refundResource(captureId, "REFUND-DASH-1", "30.00"));
    expect((await bed.fake.deliver(event)).status).toBe(200);
    expect((await bed.fake.deliver(event)).status).toBe(200);
    // the same refund again under a new event id (PayPal resends as a new notification)
    expect((await bed.fake.deliver(bed.fake.event("PAYMENT.CAPTURE.REFUNDED", refundResource(captureId, "REFUND-DASH-1", "30.00")))).status).toBe(200);

    const rows = await refundsOf(payment.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amount: 30_00n, status: "succeeded", gateway: "paypal", gatewayRefundId: "REFUND-DASH-1", origin: "gateway" });
    const invoice = await bed.reloadInvoice(invoiceId);
    expect(invoice.amountPaid).toBe(50_00n);
    expect(invoice.amountDue).toBe(30_00n);
    expect(await emailsFor("refund", rows[0]?.id ?? "")).toBe(1);
  });

  it("takes the money back on REVERSED", async () => {
    const { payment, invoiceId, captureId } = await paidThroughRoute(20_00n);
    const event = bed.fake.event("PAYMENT.CAPTURE.REVERSED", refundResource(captureId, "REVERSAL-1", "20.00"));
    expect((await bed.fake.deliver(event)).status).toBe(200);
    expect(await refundsOf(payment.id)).toMatchObject([{ amount: 20_00n, status: "succeeded", gatewayRefundId: "REVERSAL-1" }]);
    expect((await bed.reloadInvoice(invoiceId)).amountDue).toBe(20_00n);
  });

  it("records the fake's own dashboard refund and reversal events, as PayPal shapes them", async () => {
    const { payment, invoiceId, captureId } = await paidThroughRoute(70_00n);
    await bed.fake.flush();
    const refunded = await bed.fake.refundInDashboard(captureId, "25.00");
    expect(await eventRow(refunded.id)).toMatchObject({ outcome: "applied" });
    expect((await bed.reloadInvoice(invoiceId)).amountDue).toBe(25_00n);
    const reversed = await bed.fake.reverseCapture(captureId);
    expect(await eventRow(reversed.id)).toMatchObject({ outcome: "applied" });
    const rows = await refundsOf(payment.id);
    expect(rows.map((row) => row.amount).sort()).toEqual([25_00n, 45_00n]);
    expect((await bed.reloadInvoice(invoiceId)).amountDue).toBe(70_00n);
  });

  it("refunds through PayPal's API with our refund's request id, and the webhook that follows changes nothing", async () => {
    const { payment, invoiceId, captureId } = await paidThroughRoute(90_00n);
    const actor = await insertStaffActor(db);
    const refund = await issueRefund(db, { paymentId: payment.id, amount: 40_00n, reason: "Returned one item" }, actor, () => paypalRefundCall);
    expect(refund).toMatchObject({ status: "succeeded", amount: 40_00n });
    expect(refund.gatewayRefundId).toEqual(expect.any(String));
    const call = bed.fake.calls.find((entry) => entry.path === `/v2/payments/captures/${captureId}/refund`);
    expect(call?.idempotencyKey).toBe(`refund_${refund.id}`);

    await bed.fake.flush();
    const event = bed.fake.event("PAYMENT.CAPTURE.REFUNDED", { ...refundResource(captureId, refund.gatewayRefundId ?? "", "40.00"), custom_id: refund.id });
    expect((await bed.fake.deliver(event)).status).toBe(200);
    expect(await refundsOf(payment.id)).toHaveLength(1);
    expect((await bed.reloadInvoice(invoiceId)).amountDue).toBe(40_00n);
  });
});

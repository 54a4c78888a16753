import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments, webhookEvents } from "@/db/schema";
import { getPaymentDetail } from "@/lib/payments/detail";
import { recordPayment } from "@/lib/payments/record";
import { issueRefund, type RefundGatewayCall } from "@/lib/refunds/issue";
import { createTestDatabase } from "../helpers/db";
import { insertTestCustomer, readInvoice } from "../helpers/invoice-rows";
import { createPaymentsTestbed } from "../helpers/payments";
import { refusal } from "../helpers/refusal";

const { db } = await createTestDatabase();
const { actor, payment, invoiceOf } = await createPaymentsTestbed(db);

/** A Stripe stand-in that refunds at once, recording what it was asked. */
function refundingGateway() {
  const asked: string[] = [];
  const call: RefundGatewayCall = async (refund) => {
    asked.push(refund.id);
    return { gatewayRefundId: `re_${refund.id.slice(0, 8)}`, status: "succeeded" };
  };
  return { asked, call: () => call };
}

async function cardPayment(total: bigint) {
  const customerId = await insertTestCustomer(db, "Detail Co");
  const invoice = await invoiceOf(customerId, total, { status: "sent" });
  const recorded = await recordPayment(db, payment(customerId, total, [{ invoiceId: invoice.id, amount: total }]), actor);
  const suffix = recorded.paymentId.slice(0, 8);
  await db
    .update(payments)
    .set({ method: "card", gateway: "stripe", gatewayCheckoutId: `cs_${suffix}`, gatewayPaymentId: `pi_${suffix}`, feeAmount: 3_20n, netAmount: total - 3_20n })
    .where(eq(payments.id, recorded.paymentId));
  return { customerId, invoiceId: invoice.id, paymentId: recorded.paymentId, checkoutId: `cs_${suffix}`, intentId: `pi_${suffix}` };
}

describe("getPaymentDetail", () => {
  it("reads as null for malformed and unknown ids", async () => {
    expect(await getPaymentDetail(db, "nope")).toBeNull();
    expect(await getPaymentDetail(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("gives header, fee and net, allocations, refunds and a timeline merged from audit rows, gateway events and refunds", async () => {
    const paid = await cardPayment(100_00n);
    await db.insert(webhookEvents).values([
      { gateway: "stripe", eventId: "evt_session", type: "checkout.session.completed", payload: { data: { object: { id: paid.checkoutId } } }, outcome: "applied", processedAt: new Date() },
      { gateway: "stripe", eventId: "evt_intent", type: "payment_intent.succeeded", payload: { data: { object: { id: paid.intentId } } }, outcome: "ignored", processedAt: new Date() },
      // another payment's event, and a PayPal event naming the same id: neither belongs here
      { gateway: "stripe", eventId: "evt_other", type: "payment_intent.succeeded", payload: { data: { object: { id: "pi_someone_else" } } } },
      { gateway: "paypal", eventId: "WH-1", type: "PAYMENT.CAPTURE.COMPLETED", payload: { resource: { id: paid.intentId } } },
    ]);
    const gateway = refundingGateway();
    const refund = await issueRefund(db, { paymentId: paid.paymentId, amount: 25_00n, reason: "Damaged item" }, actor, gateway.call);
    expect(refund.status).toBe("succeeded");

    const detail = await getPaymentDetail(db, paid.paymentId);
    if (!detail) throw new Error("payment detail missing");
    expect(detail.payment).toMatchObject({ gateway: "stripe", feeAmount: 3_20n, netAmount: 96_80n, status: "succeeded" });
    expect(detail.customer.displayName).toBe("Detail Co");
    expect(detail.refundable).toBe(75_00n);
    expect(detail.unallocated).toBe(0n);
    expect(detail.allocations.map((row) => [row.kind, row.amount])).toEqual([
      ["allocation", 100_00n],
      ["refund", -25_00n],
    ]);
    expect(detail.refunds).toHaveLength(1);
    expect(detail.refunds[0]).toMatchObject({ amount: 25_00n, status: "succeeded", origin: "staff", reason: "Damaged item", gatewayRefundId: refund.gatewayRefundId });
    expect(await readInvoice(db, paid.invoiceId)).toMatchObject({ amountPaid: 75_00n, amountDue: 25_00n });

    const actions = detail.timeline.map((item) => item.action);
    expect(actions).toEqual(expect.arrayContaining(["payment.created", "payment.record", "webhook.checkout.session.completed", "webhook.payment_intent.succeeded", "refund.create", "refund.succeed", "refund"]));
    expect(actions.filter((action) => action.startsWith("webhook."))).toHaveLength(2);
    const times = detail.timeline.map((item) => item.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const refundCompleted = detail.timeline.find((item) => item.action === "refund.succeed");
    expect(refundCompleted?.summary).toBe("Refund completed");
    expect(detail.timeline.find((item) => item.action === "refund.create")?.detail).toBe("$25.00 · Damaged item");
  });

  it("refuses a refund above what is left, naming the amount, and writes nothing", async () => {
    const paid = await cardPayment(40_00n);
    const gateway = refundingGateway();
    await issueRefund(db, { paymentId: paid.paymentId, amount: 28_00n, reason: "Partial" }, actor, gateway.call);
    const error = await refusal(issueRefund(db, { paymentId: paid.paymentId, amount: 12_01n, reason: "Too much" }, actor, gateway.call));
    expect(error.message).toMatch(/Only \$12\.00 .*can still be refunded/);
    expect(gateway.asked).toHaveLength(1);
    expect((await getPaymentDetail(db, paid.paymentId))?.refundable).toBe(12_00n);
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { allocations, payments, refunds, type Payment, type Refund } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { customerCreditBalance } from "@/lib/payments/credit";
import { createPendingPayment } from "@/lib/payments/online/pending";
import { settlePayment } from "@/lib/payments/online/settle";
import { recordPayment } from "@/lib/payments/record";
import { recordGatewayRefund } from "@/lib/refunds/from-gateway";
import { issueRefund, retryRefund, type RefundGatewayCall } from "@/lib/refunds/issue";
import { refundableAmount } from "@/lib/refunds/ledger";
import { createTestDatabase } from "../helpers/db";
import { insertFinalizedInvoice, insertStaffActor, insertTestCustomer, moneyRowCounts, readInvoice } from "../helpers/invoice-rows";

const { db } = await createTestDatabase();
const stripe: Actor = { userId: null, label: "stripe" };
let staff: Actor;

beforeAll(async () => {
  staff = await insertStaffActor(db);
});

/** A sent invoice of `total`, paid in full through the card gateway as `pi`. */
async function paidByCard(total: bigint, pi: string) {
  const customerId = await insertTestCustomer(db, "Refund Co");
  const { invoice } = await insertFinalizedInvoice(db, { customerId, status: "sent", lines: [{ quantity: 1, unitPrice: total }] });
  const payment = await db.transaction(async (tx) => {
    const row = await createPendingPayment(tx, { invoiceId: invoice.id, amount: total, method: "card", origin: "customer", gateway: "stripe" }, stripe);
    return (await settlePayment(tx, row.id, { amount: total, currency: "USD", gatewayPaymentId: pi }, stripe)).payment;
  });
  return { invoice, payment };
}

/** A gateway that answers from a script and counts the idempotency keys it was sent. */
function scriptedGateway(answers: ("succeeded" | "failed" | "timeout")[]) {
  const keys: string[] = [];
  const call: RefundGatewayCall = async (refund: Refund, payment: Payment) => {
    keys.push(`refund_${refund.id}`);
    const next = answers.shift() ?? "succeeded";
    if (next === "timeout") throw new Error("socket hang up");
    return { gatewayRefundId: `re_${refund.id.slice(0, 8)}_${payment.number}`, status: next, failureReason: next === "failed" ? "charge_already_refunded" : undefined };
  };
  return { keys, gatewayFor: () => call };
}

describe("issueRefund through a gateway", () => {
  it("refunds in several parts up to the captured amount and puts the money back on the invoice", async () => {
    const { invoice, payment } = await paidByCard(100_00n, "pi_parts");
    const gw = scriptedGateway([]);
    const first = await issueRefund(db, { paymentId: payment.id, amount: 30_00n, reason: "Damaged item" }, staff, gw.gatewayFor);
    expect(first).toMatchObject({ status: "succeeded", amount: 30_00n, origin: "staff" });
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "partial", amountPaid: 70_00n, amountDue: 30_00n });
    await issueRefund(db, { paymentId: payment.id, amount: 70_00n, reason: "Rest" }, staff, gw.gatewayFor);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ amountPaid: 0n, amountDue: 100_00n, status: "sent" });
    expect(await refundableAmount(db, payment.id)).toBe(0n);

    const before = await moneyRowCounts(db);
    await expect(issueRefund(db, { paymentId: payment.id, amount: 1n, reason: "More" }, staff, gw.gatewayFor)).rejects.toThrow("already fully refunded");
    expect(await moneyRowCounts(db)).toEqual(before);
    expect(gw.keys).toHaveLength(2);
  });

  it("refuses more than is left, naming what is left", async () => {
    const { payment } = await paidByCard(50_00n, "pi_over");
    const gw = scriptedGateway([]);
    await issueRefund(db, { paymentId: payment.id, amount: 20_00n, reason: "Partial" }, staff, gw.gatewayFor);
    await expect(issueRefund(db, { paymentId: payment.id, amount: 30_01n, reason: "Too much" }, staff, gw.gatewayFor)).rejects.toThrow(
      "Only $30.00 of",
    );
    expect(gw.keys).toHaveLength(1);
  });

  it("keeps a refund pending when the gateway does not answer, and the retry sends the same key once", async () => {
    const { invoice, payment } = await paidByCard(60_00n, "pi_timeout");
    const gw = scriptedGateway(["timeout", "succeeded"]);
    const pendingRefund = await issueRefund(db, { paymentId: payment.id, amount: 60_00n, reason: "Cancelled" }, staff, gw.gatewayFor);
    expect(pendingRefund.status).toBe("pending");
    expect((await readInvoice(db, invoice.id)).amountPaid).toBe(60_00n);
    // the reservation holds: nothing more can be refunded meanwhile
    await expect(issueRefund(db, { paymentId: payment.id, amount: 1n, reason: "x" }, staff, gw.gatewayFor)).rejects.toThrow("already fully refunded");
    const done = await retryRefund(db, pendingRefund.id, staff, gw.gatewayFor);
    expect(done.status).toBe("succeeded");
    expect(gw.keys).toEqual([`refund_${pendingRefund.id}`, `refund_${pendingRefund.id}`]);
    expect((await readInvoice(db, invoice.id)).amountPaid).toBe(0n);
  });

  it("frees the amount again when the gateway refuses", async () => {
    const { payment } = await paidByCard(25_00n, "pi_refused");
    const gw = scriptedGateway(["failed"]);
    const failed = await issueRefund(db, { paymentId: payment.id, amount: 25_00n, reason: "Try" }, staff, gw.gatewayFor);
    expect(failed).toMatchObject({ status: "failed", failureReason: "charge_already_refunded" });
    expect(await refundableAmount(db, payment.id)).toBe(25_00n);
  });
});

describe("manual refunds and credit", () => {
  it("takes a manual payment's unallocated credit first, then the invoice", async () => {
    const customerId = await insertTestCustomer(db, "Credit Refund Co");
    const { invoice } = await insertFinalizedInvoice(db, { customerId, status: "sent", lines: [{ quantity: 1, unitPrice: 80_00n }] });
    const { paymentId } = await recordPayment(
      db,
      { customerId, currency: "USD", amount: 100_00n, method: "bank_transfer", reference: null, note: null, receivedOn: "2026-05-01", allocations: [{ invoiceId: invoice.id, amount: 80_00n }], keepExcessAsCredit: true },
      staff,
    );
    const noGateway = () => {
      throw new Error("a manual payment must not call a gateway");
    };
    const refund = await issueRefund(db, { paymentId, amount: 30_00n, reason: "Overpaid" }, staff, noGateway);
    expect(refund).toMatchObject({ status: "succeeded", method: "bank_transfer" });
    expect(await customerCreditBalance(db, customerId, "USD")).toBe(0n);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ amountPaid: 70_00n, amountDue: 10_00n, status: "partial" });
    const negative = await db.select().from(allocations).where(eq(allocations.refundId, refund.id));
    expect(negative.map((row) => row.amount)).toEqual([-10_00n]);
  });
});

describe("recordGatewayRefund", () => {
  it("records a dashboard refund once, however often it is reported", async () => {
    const { invoice, payment } = await paidByCard(90_00n, "pi_dash");
    const report = { gateway: "stripe" as const, gatewayPaymentId: "pi_dash", gatewayRefundId: "re_dash_1", amount: 40_00n, currency: "usd", status: "succeeded" as const };
    expect((await db.transaction((tx) => recordGatewayRefund(tx, report, stripe))).outcome).toBe("applied");
    for (let i = 0; i < 3; i++) expect((await db.transaction((tx) => recordGatewayRefund(tx, report, stripe))).outcome).toBe("ignored");
    const rows = await db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ origin: "gateway", status: "succeeded", amount: 40_00n });
    expect((await readInvoice(db, invoice.id)).amountDue).toBe(40_00n);
  });

  it("completes our pending refund when the webhook beats the API answer", async () => {
    const { payment } = await paidByCard(45_00n, "pi_race");
    let ourId = "";
    const slowGateway: RefundGatewayCall = async (refund) => {
      ourId = refund.id;
      // the webhook lands while the API call is still in flight
      const outcome = await db.transaction((tx) =>
        recordGatewayRefund(tx, { gateway: "stripe", gatewayPaymentId: "pi_race", gatewayRefundId: "re_race", refundId: refund.id, amount: 45_00n, currency: "USD", status: "succeeded" }, stripe),
      );
      expect(outcome.outcome).toBe("applied");
      return { gatewayRefundId: "re_race", status: "succeeded" };
    };
    const refund = await issueRefund(db, { paymentId: payment.id, amount: 45_00n, reason: "Race" }, staff, () => slowGateway);
    expect(refund).toMatchObject({ id: ourId, status: "succeeded", gatewayRefundId: "re_race" });
    expect(await db.select().from(allocations).where(eq(allocations.refundId, ourId))).toHaveLength(1);
  });

  it("holds more than was paid, and throws for a payment we do not know", async () => {
    const { payment } = await paidByCard(10_00n, "pi_small");
    const held = await db.transaction((tx) =>
      recordGatewayRefund(tx, { gateway: "stripe", gatewayPaymentId: "pi_small", gatewayRefundId: "re_big", amount: 11_00n, currency: "USD", status: "succeeded" }, stripe),
    );
    expect(held.outcome).toBe("held");
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toEqual([]);
    await expect(
      db.transaction((tx) => recordGatewayRefund(tx, { gateway: "stripe", gatewayPaymentId: "pi_nobody", gatewayRefundId: "re_x", amount: 1n, currency: "USD", status: "succeeded" }, stripe)),
    ).rejects.toThrow("no stripe payment");
    const [row] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row?.status).toBe("succeeded");
  });
});

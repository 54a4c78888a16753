import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { allocations, payments, refunds } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { createPendingPayment } from "@/lib/payments/online/pending";
import { settlePayment } from "@/lib/payments/online/settle";
import { issueRefund } from "@/lib/refunds/issue";
import { createTestDatabase } from "../helpers/db";
import { insertFinalizedInvoice, insertStaffActor, insertTestCustomer, readInvoice } from "../helpers/invoice-rows";

// Real concurrency needs a PostgreSQL server: PGlite runs one statement at a time.
const { db } = await createTestDatabase();
const gateway: Actor = { userId: null, label: "stripe" };
let staff: Actor;

beforeAll(async () => {
  staff = await insertStaffActor(db);
});

async function pendingCardPayment(total: bigint) {
  const customerId = await insertTestCustomer(db, "Race Co");
  const { invoice } = await insertFinalizedInvoice(db, { customerId, status: "sent", lines: [{ quantity: 1, unitPrice: total }] });
  const payment = await db.transaction((tx) => createPendingPayment(tx, { invoiceId: invoice.id, amount: total, method: "card", origin: "customer", gateway: "stripe" }, gateway));
  return { invoice, payment };
}

describe("online payments under concurrency", () => {
  it("50 concurrent settlements of one payment apply it once", async () => {
    const { invoice, payment } = await pendingCardPayment(75_00n);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => db.transaction((tx) => settlePayment(tx, payment.id, { amount: 75_00n, currency: "USD" }, gateway))),
    );
    expect(outcomes.filter((result) => result.outcome === "applied")).toHaveLength(1);
    expect(await db.select().from(allocations).where(eq(allocations.paymentId, payment.id))).toHaveLength(1);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountPaid: 75_00n, amountDue: 0n });
  });

  it("30 concurrent refunds of $10 on a $100 payment: exactly 10 go through, the invoice balances", async () => {
    const { invoice, payment } = await pendingCardPayment(100_00n);
    await db.transaction((tx) => settlePayment(tx, payment.id, { amount: 100_00n, currency: "USD", gatewayPaymentId: "pi_race_refunds" }, gateway));
    let n = 0;
    const call = () => async () => ({ gatewayRefundId: `re_${(n += 1)}`, status: "succeeded" as const });
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => issueRefund(db, { paymentId: payment.id, amount: 10_00n, reason: "Race" }, staff, call)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(10);
    const rows = await db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(rows.reduce((sum, row) => sum + row.amount, 0n)).toBe(100_00n);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ amountPaid: 0n, amountDue: 100_00n });
    const [row] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row?.status).toBe("succeeded");
  });
});

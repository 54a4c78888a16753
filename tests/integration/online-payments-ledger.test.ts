import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { allocations, invoices, payments } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { setAllowPartialPayment } from "@/lib/invoices/partial-payment";
import { customerCreditBalance } from "@/lib/payments/credit";
import { failPayment, findPaymentByGatewayId } from "@/lib/payments/online/fail";
import { approveManualPayment, rejectManualPayment } from "@/lib/payments/online/manual-decision";
import { createPendingPayment, setGatewayCheckoutId } from "@/lib/payments/online/pending";
import { settlePayment } from "@/lib/payments/online/settle";
import { createTestDatabase } from "../helpers/db";
import { insertFinalizedInvoice, insertStaffActor, insertTestCustomer, moneyRowCounts, readInvoice } from "../helpers/invoice-rows";

const { db } = await createTestDatabase();
const gateway: Actor = { userId: null, label: "stripe" };
const customer: Actor = { userId: null, label: "customer" };
let staff: Actor;

beforeAll(async () => {
  staff = await insertStaffActor(db);
});

async function openInvoice(total: bigint, extra: { currency?: string; allowPartial?: boolean } = {}) {
  const customerId = await insertTestCustomer(db, "Ledger Co", extra.currency ?? "USD");
  const { invoice } = await insertFinalizedInvoice(db, { customerId, currency: extra.currency, status: "sent", lines: [{ quantity: 1, unitPrice: total }] });
  if (extra.allowPartial) await db.update(invoices).set({ allowPartialPayment: true }).where(eq(invoices.id, invoice.id));
  return invoice;
}

const pending = (invoiceId: string, amount: bigint, origin: "customer" | "staff" = "customer") =>
  db.transaction((tx) => createPendingPayment(tx, { invoiceId, amount, method: "card", origin, gateway: "stripe" }, customer));

describe("createPendingPayment", () => {
  it("creates a numbered pending payment that allocates nothing", async () => {
    const invoice = await openInvoice(80_00n);
    const payment = await pending(invoice.id, 80_00n);
    expect(payment).toMatchObject({ status: "pending", amount: 80_00n, currency: "USD", invoiceId: invoice.id, customerId: invoice.customerId, receiptNumber: null });
    expect(payment.number).toMatch(/^PAY-\d{4}-\d{5}$/);
    expect((await readInvoice(db, invoice.id)).amountDue).toBe(80_00n);
    expect(await db.select().from(allocations).where(eq(allocations.paymentId, payment.id))).toEqual([]);
  });

  it("refuses part of the amount unless the invoice allows partial payment, and never more than is due", async () => {
    const whole = await openInvoice(50_00n);
    await expect(pending(whole.id, 20_00n)).rejects.toThrow("must be paid in full: $50.00");
    await expect(pending(whole.id, 50_01n)).rejects.toThrow("Only $50.00 is due");
    await expect(pending(whole.id, 0n)).rejects.toThrow("more than 0");
    const partial = await openInvoice(50_00n, { allowPartial: true });
    expect((await pending(partial.id, 20_00n)).amount).toBe(20_00n);
    // staff may always take part (saved-card charges, manual entry)
    expect((await pending(whole.id, 20_00n, "staff")).amount).toBe(20_00n);
  });

  it("follows the invoice's partial-payment switch, refused on a void invoice", async () => {
    const invoice = await openInvoice(60_00n);
    await expect(pending(invoice.id, 10_00n)).rejects.toThrow("must be paid in full");
    await setAllowPartialPayment(db, invoice.id, true, staff);
    expect((await pending(invoice.id, 10_00n)).amount).toBe(10_00n);
    await db.update(invoices).set({ status: "void", voidedAt: new Date() }).where(eq(invoices.id, invoice.id));
    await expect(setAllowPartialPayment(db, invoice.id, false, staff)).rejects.toThrow("void invoice");
  });

  it("tells a second tab that the invoice is already paid, and writes nothing", async () => {
    const invoice = await openInvoice(30_00n);
    const first = await pending(invoice.id, 30_00n);
    await db.transaction((tx) => settlePayment(tx, first.id, { amount: 30_00n, currency: "usd" }, gateway));
    const before = await moneyRowCounts(db);
    await expect(pending(invoice.id, 30_00n)).rejects.toThrow(/already paid/);
    expect(await moneyRowCounts(db)).toEqual(before);
  });
});

describe("settlePayment", () => {
  it("succeeds once: pays the invoice, gives a receipt number, and ignores every later report", async () => {
    const invoice = await openInvoice(120_00n);
    const payment = await pending(invoice.id, 120_00n);
    await db.transaction((tx) => setGatewayCheckoutId(tx, payment.id, "stripe", "cs_test_1"));
    const report = { amount: 120_00n, currency: "usd", gatewayPaymentId: "pi_1", feeAmount: 378n, netAmount: 116_22n };
    const first = await db.transaction((tx) => settlePayment(tx, payment.id, report, gateway));
    expect(first.outcome).toBe("applied");
    expect(first.payment).toMatchObject({ status: "succeeded", gatewayPaymentId: "pi_1", feeAmount: 378n, netAmount: 116_22n });
    expect(first.payment.receiptNumber).toMatch(/^REC-\d{4}-\d{5}$/);
    for (let i = 0; i < 3; i++) expect((await db.transaction((tx) => settlePayment(tx, payment.id, report, gateway))).outcome).toBe("ignored");
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountPaid: 120_00n, amountDue: 0n });
    expect(await db.select().from(allocations).where(eq(allocations.paymentId, payment.id))).toHaveLength(1);
    expect((await findPaymentByGatewayId(db, "stripe", { checkoutId: "cs_test_1" }))?.id).toBe(payment.id);
    expect((await findPaymentByGatewayId(db, "stripe", { paymentId: "pi_1" }))?.id).toBe(payment.id);
    expect(await findPaymentByGatewayId(db, "paypal", { paymentId: "pi_1" })).toBeUndefined();
  });

  it("holds a report whose amount or currency differs, and changes nothing", async () => {
    const invoice = await openInvoice(99_00n);
    const payment = await pending(invoice.id, 99_00n);
    const before = await moneyRowCounts(db);
    const wrongAmount = await db.transaction((tx) => settlePayment(tx, payment.id, { amount: 9_900n + 1n, currency: "USD" }, gateway));
    expect(wrongAmount).toMatchObject({ outcome: "held" });
    expect(wrongAmount.reason).toContain("$99.01");
    const wrongCurrency = await db.transaction((tx) => settlePayment(tx, payment.id, { amount: 99_00n, currency: "EUR" }, gateway));
    expect(wrongCurrency.outcome).toBe("held");
    expect(await moneyRowCounts(db)).toEqual(before);
    expect((await readInvoice(db, invoice.id)).amountDue).toBe(99_00n);
  });

  it("keeps a double charge as customer credit instead of losing it", async () => {
    const invoice = await openInvoice(40_00n);
    const tabA = await pending(invoice.id, 40_00n);
    const tabB = await pending(invoice.id, 40_00n);
    await db.transaction((tx) => settlePayment(tx, tabA.id, { amount: 40_00n, currency: "USD" }, gateway));
    const second = await db.transaction((tx) => settlePayment(tx, tabB.id, { amount: 40_00n, currency: "USD" }, gateway));
    expect(second.outcome).toBe("applied");
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountPaid: 40_00n });
    expect(await customerCreditBalance(db, invoice.customerId, "USD")).toBe(40_00n);
  });

  it("lets a failed payment succeed later but never un-fails a success", async () => {
    const invoice = await openInvoice(10_00n);
    const payment = await pending(invoice.id, 10_00n);
    expect(await db.transaction((tx) => failPayment(tx, payment.id, "card_declined", gateway))).toBe("applied");
    expect(await db.transaction((tx) => failPayment(tx, payment.id, "card_declined", gateway))).toBe("ignored");
    expect((await db.transaction((tx) => settlePayment(tx, payment.id, { amount: 10_00n, currency: "USD" }, gateway))).outcome).toBe("applied");
    expect(await db.transaction((tx) => failPayment(tx, payment.id, "late decline", gateway))).toBe("ignored");
    const [row] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row).toMatchObject({ status: "succeeded", failureReason: null });
  });

  it("works in a 0-decimal currency", async () => {
    const invoice = await openInvoice(5_000n, { currency: "JPY" });
    const payment = await pending(invoice.id, 5_000n);
    expect((await db.transaction((tx) => settlePayment(tx, payment.id, { amount: 5_000n, currency: "jpy" }, gateway))).outcome).toBe("applied");
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountDue: 0n });
  });
});

describe("manual submissions", () => {
  const submit = (invoiceId: string, amount: bigint) =>
    db.transaction((tx) => createPendingPayment(tx, { invoiceId, amount, method: "bank_transfer", origin: "customer", reference: "BANK-REF-1" }, customer));

  it("approval applies the money; a second decision is refused", async () => {
    const invoice = await openInvoice(70_00n);
    const submitted = await submit(invoice.id, 70_00n);
    const approved = await approveManualPayment(db, submitted.id, staff);
    expect(approved).toMatchObject({ status: "succeeded", decidedBy: staff.userId });
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountDue: 0n });
    await expect(approveManualPayment(db, submitted.id, staff)).rejects.toThrow("already approved");
    await expect(rejectManualPayment(db, submitted.id, "not found", staff)).rejects.toThrow("already approved");
  });

  it("rejection needs a reason, changes no balance, and cannot be approved afterwards", async () => {
    const invoice = await openInvoice(70_00n);
    const submitted = await submit(invoice.id, 70_00n);
    await expect(rejectManualPayment(db, submitted.id, "  ", staff)).rejects.toBeInstanceOf(UserError);
    const rejected = await rejectManualPayment(db, submitted.id, "No transfer with that reference", staff);
    expect(rejected).toMatchObject({ status: "rejected", rejectReason: "No transfer with that reference" });
    const before = await moneyRowCounts(db);
    await expect(approveManualPayment(db, submitted.id, staff)).rejects.toThrow("already rejected");
    expect(await moneyRowCounts(db)).toEqual(before);
    expect((await readInvoice(db, invoice.id)).amountDue).toBe(70_00n);
  });

  it("refuses to decide on a gateway payment", async () => {
    const invoice = await openInvoice(15_00n);
    const online = await pending(invoice.id, 15_00n);
    await expect(approveManualPayment(db, online.id, staff)).rejects.toThrow("not a payment waiting for approval");
    const [row] = await db.select().from(payments).where(and(eq(payments.id, online.id), eq(payments.status, "pending")));
    expect(row).toBeDefined();
  });
});

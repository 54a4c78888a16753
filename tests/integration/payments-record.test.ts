import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { allocations, auditLog } from "@/db/schema";
import { listCustomerPayments, listInvoicePayments } from "@/lib/payments/queries";
import { recordPayment, suggestAllocations } from "@/lib/payments/record";
import { ALLOCATIONS_EXCEED_PAYMENT, EXCESS_NEEDS_CREDIT } from "@/lib/payments/schemas";
import { createTestDatabase } from "../helpers/db";
import { insertTestCustomer, moneyRowCounts, readInvoice } from "../helpers/invoice-rows";
import { createPaymentsTestbed } from "../helpers/payments";
import { refusal } from "../helpers/refusal";

const { db } = await createTestDatabase();
const { actor, payment, invoiceOf } = await createPaymentsTestbed(db);

describe("recordPayment", () => {
  it("takes a partial then a full payment: partial, then paid, with numbered payments, allocation rows and audit", async () => {
    const customerId = await insertTestCustomer(db, "Partial Co");
    const invoice = await invoiceOf(customerId, 100_00n, { status: "sent" });

    const first = await recordPayment(db, payment(customerId, 40_00n, [{ invoiceId: invoice.id, amount: 40_00n }]), actor);
    expect(first.number).toMatch(/^PAY-\d{4}-\d{5}$/);
    expect(first.unallocated).toBe(0n);
    let stored = await readInvoice(db, invoice.id);
    expect(stored).toMatchObject({ status: "partial", amountPaid: 40_00n, amountCredited: 0n, amountDue: 60_00n, paidAt: null });

    const second = await recordPayment(db, payment(customerId, 60_00n, [{ invoiceId: invoice.id, amount: 60_00n }]), actor);
    expect(second.number).not.toBe(first.number);
    stored = await readInvoice(db, invoice.id);
    expect(stored).toMatchObject({ status: "paid", amountPaid: 100_00n, amountDue: 0n });
    expect(stored.paidAt).toBeInstanceOf(Date);

    const rows = await db.select().from(allocations).where(eq(allocations.invoiceId, invoice.id)).orderBy(asc(allocations.createdAt));
    expect(rows.map((row) => [row.paymentId, row.amount])).toEqual([
      [first.paymentId, 40_00n],
      [second.paymentId, 60_00n],
    ]);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "payment.record"), eq(auditLog.entityId, first.paymentId)));
    expect(audit?.actorId).toBe(actor.userId);
    expect(audit?.after).toMatchObject({ customerId, invoiceIds: [invoice.id], allocations: [{ invoiceId: invoice.id, amount: "4000" }], amount: "4000", unallocated: "0" });
  });

  it("spreads one payment over several invoices in one go", async () => {
    const customerId = await insertTestCustomer(db, "Spread Co");
    const a = await invoiceOf(customerId, 50_00n);
    const b = await invoiceOf(customerId, 80_00n, { status: "viewed" });
    await recordPayment(db, payment(customerId, 90_00n, [{ invoiceId: b.id, amount: 40_00n }, { invoiceId: a.id, amount: 50_00n }]), actor);
    expect(await readInvoice(db, a.id)).toMatchObject({ status: "paid", amountDue: 0n });
    expect(await readInvoice(db, b.id)).toMatchObject({ status: "partial", amountDue: 40_00n, amountPaid: 40_00n });
  });

  it("never lets an allocation exceed the amount due: refused at its field, nothing written", async () => {
    const customerId = await insertTestCustomer(db, "Over Co");
    const invoice = await invoiceOf(customerId, 30_00n);
    const before = await moneyRowCounts(db);
    const error = await refusal(recordPayment(db, payment(customerId, 30_01n, [{ invoiceId: invoice.id, amount: 30_01n }]), actor));
    expect(error.fieldErrors?.["allocations.0.amount"]?.[0]).toMatch(/Only \$30\.00 is due on TINV-\d+/);
    expect(await moneyRowCounts(db)).toEqual(before);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "finalized", amountDue: 30_00n });
  });

  it("refuses an overpayment unless the rest is kept as customer credit, and then keeps it", async () => {
    const customerId = await insertTestCustomer(db, "Excess Co");
    const invoice = await invoiceOf(customerId, 20_00n);
    const before = await moneyRowCounts(db);
    const error = await refusal(recordPayment(db, payment(customerId, 25_00n, [{ invoiceId: invoice.id, amount: 20_00n }]), actor));
    expect(error.message).toBe(EXCESS_NEEDS_CREDIT);
    expect(error.fieldErrors).toEqual({ amount: [EXCESS_NEEDS_CREDIT] });
    expect(await moneyRowCounts(db)).toEqual(before);

    const kept = await recordPayment(db, payment(customerId, 25_00n, [{ invoiceId: invoice.id, amount: 20_00n }], { keepExcessAsCredit: true }), actor);
    expect(kept.unallocated).toBe(5_00n);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountDue: 0n });
  });

  it("refuses allocations that add up to more than the payment, or that are not positive or repeat an invoice", async () => {
    const customerId = await insertTestCustomer(db, "Sum Co");
    const a = await invoiceOf(customerId, 40_00n);
    const b = await invoiceOf(customerId, 40_00n);
    const before = await moneyRowCounts(db);
    const over = await refusal(recordPayment(db, payment(customerId, 50_00n, [{ invoiceId: a.id, amount: 30_00n }, { invoiceId: b.id, amount: 30_00n }]), actor));
    expect(over.fieldErrors).toEqual({ amount: [ALLOCATIONS_EXCEED_PAYMENT] });
    const zero = await refusal(recordPayment(db, payment(customerId, 50_00n, [{ invoiceId: a.id, amount: 0n }], { keepExcessAsCredit: true }), actor));
    expect(zero.fieldErrors?.["allocations.0.amount"]).toBeDefined();
    const twice = await refusal(recordPayment(db, payment(customerId, 20_00n, [{ invoiceId: a.id, amount: 10_00n }, { invoiceId: a.id, amount: 10_00n }]), actor));
    expect(twice.fieldErrors?.["allocations.1.invoiceId"]).toEqual(["This invoice is listed twice."]);
    await refusal(recordPayment(db, payment(customerId, 0n, [], { keepExcessAsCredit: true }), actor));
    expect(await moneyRowCounts(db)).toEqual(before);
  });

  it("refuses invoices of another customer, in another currency, or not open", async () => {
    const customerId = await insertTestCustomer(db, "Rules Co");
    const otherCustomer = await insertTestCustomer(db, "Someone Else");
    const foreign = await invoiceOf(otherCustomer, 10_00n);
    const euro = await invoiceOf(customerId, 10_00n, { currency: "EUR" });
    const draft = await invoiceOf(customerId, 10_00n, { status: "draft" });
    const voided = await invoiceOf(customerId, 10_00n, { status: "void" });
    const before = await moneyRowCounts(db);
    const pay = (invoiceId: string) => recordPayment(db, payment(customerId, 10_00n, [{ invoiceId, amount: 10_00n }]), actor);
    expect((await refusal(pay(foreign.id))).message).toMatch(/belongs to another customer/);
    expect((await refusal(pay(euro.id))).message).toMatch(/is in EUR, not USD/);
    expect((await refusal(pay(draft.id))).message).toMatch(/draft/);
    expect((await refusal(pay(voided.id))).message).toMatch(/is void/);
    expect((await refusal(recordPayment(db, payment(crypto.randomUUID(), 10_00n, [], { keepExcessAsCredit: true }), actor))).fieldErrors).toHaveProperty("customerId");
    expect(await moneyRowCounts(db)).toEqual(before);
  });

  it("a payment on an invoice already paid is refused with a clear message", async () => {
    const customerId = await insertTestCustomer(db, "Paid Co");
    const invoice = await invoiceOf(customerId, 10_00n);
    await recordPayment(db, payment(customerId, 10_00n, [{ invoiceId: invoice.id, amount: 10_00n }]), actor);
    const error = await refusal(recordPayment(db, payment(customerId, 1n, [{ invoiceId: invoice.id, amount: 1n }]), actor));
    expect(error.message).toMatch(/is already paid/);
  });
});

describe("suggestAllocations", () => {
  it("fills the customer's open invoices in the currency, oldest due date first, until the amount runs out", async () => {
    const customerId = await insertTestCustomer(db, "Suggest Co");
    const late = await invoiceOf(customerId, 30_00n, { dueDate: "2026-03-31" });
    const early = await invoiceOf(customerId, 20_00n, { dueDate: "2026-02-01" });
    const middle = await invoiceOf(customerId, 25_00n, { dueDate: "2026-02-15" });
    await invoiceOf(customerId, 99_00n, { currency: "EUR" });
    await invoiceOf(customerId, 99_00n, { status: "draft" });
    await recordPayment(db, payment(customerId, 5_00n, [{ invoiceId: middle.id, amount: 5_00n }]), actor);

    const rows = await suggestAllocations(db, customerId, "USD", 30_00n);
    expect(rows.map((row) => [row.invoiceId, row.amountDue, row.suggested])).toEqual([
      [early.id, 20_00n, 20_00n],
      [middle.id, 20_00n, 10_00n],
      [late.id, 30_00n, 0n],
    ]);
    expect(rows[0]).toMatchObject({ number: early.number, dueDate: "2026-02-01" });
  });
});

describe("payment queries", () => {
  it("lists an invoice's payments and a customer's payments with their allocations and credit left", async () => {
    const customerId = await insertTestCustomer(db, "Query Co");
    const a = await invoiceOf(customerId, 10_00n);
    const b = await invoiceOf(customerId, 10_00n);
    const paid = await recordPayment(db, payment(customerId, 25_00n, [{ invoiceId: a.id, amount: 10_00n }, { invoiceId: b.id, amount: 4_00n }], { keepExcessAsCredit: true, method: "mpesa" }), actor);

    const onA = await listInvoicePayments(db, a.id);
    expect(onA).toHaveLength(1);
    expect(onA[0]).toMatchObject({ id: paid.paymentId, number: paid.number, method: "mpesa", amount: 25_00n, status: "succeeded", unallocated: 11_00n });
    expect(onA[0]?.allocations.map((row) => [row.invoiceId, row.amount, row.isReversal])).toEqual([[a.id, 10_00n, false]]);

    const all = await listCustomerPayments(db, customerId);
    expect(all).toHaveLength(1);
    expect(all[0]?.allocations.map((row) => [row.invoiceNumber, row.amount]).sort()).toEqual([
      [a.number, 10_00n],
      [b.number, 4_00n],
    ].sort());
  });
});

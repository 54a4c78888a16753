import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { allocations, auditLog } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { applyCustomerCredit, creditSources, customerCreditBalance, customerCreditByCurrency } from "@/lib/payments/credit";
import { recordPayment } from "@/lib/payments/record";
import { createTestDatabase } from "../helpers/db";
import { insertTestCustomer, moneyRowCounts } from "../helpers/invoice-rows";
import { createPaymentsTestbed } from "../helpers/payments";

const { db } = await createTestDatabase();
// credit comes from what a payment leaves over
const { actor, payment, invoiceOf } = await createPaymentsTestbed(db, { keepExcessAsCredit: true });

describe("customer credit", () => {
  it("keeps an overpayment as credit and later applies it to another invoice", async () => {
    const customerId = await insertTestCustomer(db, "Credit Co");
    const first = await invoiceOf(customerId, 60_00n);
    const second = await invoiceOf(customerId, 50_00n);
    const paid = await recordPayment(db, payment(customerId, 100_00n, [{ invoiceId: first.id, amount: 60_00n }]), actor);
    expect(paid.unallocated).toBe(40_00n);
    expect(await customerCreditBalance(db, customerId, "USD")).toBe(40_00n);
    expect(await customerCreditBalance(db, customerId, "EUR")).toBe(0n);

    const { invoice, applied } = await applyCustomerCredit(db, { customerId, invoiceId: second.id, amount: 40_00n }, actor);
    expect(invoice).toMatchObject({ status: "partial", amountPaid: 40_00n, amountDue: 10_00n });
    expect(applied).toEqual([{ kind: "payment", sourceId: paid.paymentId, number: paid.number, amount: 40_00n }]);
    expect(await customerCreditBalance(db, customerId, "USD")).toBe(0n);
    const rows = await db.select().from(allocations).where(eq(allocations.invoiceId, second.id));
    expect(rows).toMatchObject([{ paymentId: paid.paymentId, amount: 40_00n, reversalOfId: null }]);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "customer_credit.apply"), eq(auditLog.entityId, second.id)));
    expect(audit?.after).toMatchObject({ customerId, invoiceId: second.id, amount: "4000" });
  });

  it("takes the oldest sources first and splits across them", async () => {
    const customerId = await insertTestCustomer(db, "Sources Co");
    const target = await invoiceOf(customerId, 50_00n);
    const newer = await recordPayment(db, payment(customerId, 20_00n, [], { receivedOn: "2026-05-10" }), actor);
    const older = await recordPayment(db, payment(customerId, 15_00n, [], { receivedOn: "2026-05-02" }), actor);
    expect((await creditSources(db, customerId, "USD")).map((source) => source.id)).toEqual([older.paymentId, newer.paymentId]);

    const { applied } = await applyCustomerCredit(db, { customerId, invoiceId: target.id, amount: 25_00n }, actor);
    expect(applied.map((row) => [row.sourceId, row.amount])).toEqual([
      [older.paymentId, 15_00n],
      [newer.paymentId, 10_00n],
    ]);
    expect(await customerCreditBalance(db, customerId, "USD")).toBe(10_00n);
  });

  it("refuses more than the credit balance, more than the amount due, or another currency, writing nothing", async () => {
    const customerId = await insertTestCustomer(db, "Limits Co");
    const small = await invoiceOf(customerId, 5_00n);
    const big = await invoiceOf(customerId, 500_00n);
    const euro = await invoiceOf(customerId, 10_00n, { currency: "EUR" });
    await recordPayment(db, payment(customerId, 30_00n, []), actor);
    const before = await moneyRowCounts(db);

    const overBalance = applyCustomerCredit(db, { customerId, invoiceId: big.id, amount: 30_01n }, actor);
    await expect(overBalance).rejects.toThrow("This customer has only $30.00 of credit in USD.");
    const overDue = applyCustomerCredit(db, { customerId, invoiceId: small.id, amount: 6_00n }, actor);
    await expect(overDue).rejects.toThrow(/Only \$5\.00 is due/);
    await expect(applyCustomerCredit(db, { customerId, invoiceId: euro.id, amount: 1_00n }, actor)).rejects.toThrow("This customer has no credit in EUR.");
    const otherCustomer = await insertTestCustomer(db, "Not Theirs");
    await expect(applyCustomerCredit(db, { customerId: otherCustomer, invoiceId: small.id, amount: 1n }, actor)).rejects.toBeInstanceOf(UserError);
    expect(await moneyRowCounts(db)).toEqual(before);
    expect(await customerCreditByCurrency(db, customerId)).toEqual([{ currency: "USD", amount: 30_00n }]);
  });
});

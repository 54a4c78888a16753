import { describe, expect, it } from "vitest";
import { applyCustomerCredit, customerCreditBalance } from "@/lib/payments/credit";
import { recordPayment } from "@/lib/payments/record";
import { createTestDatabase } from "../helpers/db";
import { insertTestCustomer, readInvoice } from "../helpers/invoice-rows";
import { createPaymentsTestbed } from "../helpers/payments";

const { db } = await createTestDatabase();
// credit comes from what a payment leaves over
const { actor, payment, invoiceOf } = await createPaymentsTestbed(db, { keepExcessAsCredit: true });

describe("concurrent credit (PostgreSQL)", () => {
  it("two invoices racing for the same credit never spend more than there is", async () => {
    const customerId = await insertTestCustomer(db, "Race Credit Co");
    const invoices = await Promise.all(Array.from({ length: 10 }, () => invoiceOf(customerId, 10_00n)));
    await recordPayment(db, payment(customerId, 35_00n, []), actor);
    const results = await Promise.allSettled(invoices.map((invoice) => applyCustomerCredit(db, { customerId, invoiceId: invoice.id, amount: 10_00n }, actor)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    expect(await customerCreditBalance(db, customerId, "USD")).toBe(5_00n);
    const stored = await Promise.all(invoices.map((invoice) => readInvoice(db, invoice.id)));
    expect(stored.reduce((sum, invoice) => sum + invoice.amountPaid, 0n)).toBe(30_00n);
  });
});

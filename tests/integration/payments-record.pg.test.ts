import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { allocations, auditLog, payments } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { recordPayment } from "@/lib/payments/record";
import { createTestDatabase } from "../helpers/db";
import { insertTestCustomer, readInvoice } from "../helpers/invoice-rows";
import { createPaymentsTestbed } from "../helpers/payments";

const { db } = await createTestDatabase();
const { actor, payment, invoiceOf } = await createPaymentsTestbed(db);

describe("concurrent payments (PostgreSQL)", () => {
  it("50 parallel payments on one invoice: never below zero, losers refused, paid exactly once", async () => {
    const customerId = await insertTestCustomer(db, "Race Co");
    const invoice = await invoiceOf(customerId, 100_00n);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => recordPayment(db, payment(customerId, 4_00n, [{ invoiceId: invoice.id, amount: 4_00n }]), actor)),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(25);
    expect(lost).toHaveLength(25);
    for (const result of lost) {
      expect(result.reason).toBeInstanceOf(UserError);
      expect((result.reason as UserError).message).toMatch(/is already paid|Only \$[\d.]+ is due/);
    }

    const stored = await readInvoice(db, invoice.id);
    expect(stored).toMatchObject({ status: "paid", amountDue: 0n, amountPaid: 100_00n });
    const rows = await db.select().from(allocations).where(eq(allocations.invoiceId, invoice.id));
    expect(rows.reduce((sum, row) => sum + row.amount, 0n)).toBe(stored.total - stored.amountDue);
    const made = await db.select({ number: payments.number }).from(payments).where(eq(payments.customerId, customerId));
    expect(made).toHaveLength(25);
    const seqs = made.map((row) => Number(row.number.slice(-5))).sort((x, y) => x - y);
    expect(seqs.at(-1)! - seqs[0]! + 1).toBe(25);
    const paidAudits = await db.select().from(auditLog).where(eq(auditLog.action, "payment.record"));
    expect(paidAudits.filter((row) => (row.after as { invoiceIds: string[] }).invoiceIds.includes(invoice.id))).toHaveLength(25);
  });
});

import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { allocations, auditLog, payments } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { applyCustomerCredit, customerCreditBalance } from "@/lib/payments/credit";
import { listInvoicePayments } from "@/lib/payments/queries";
import { recordPayment } from "@/lib/payments/record";
import type { RecordPaymentInput } from "@/lib/payments/schemas";
import { voidPayment } from "@/lib/payments/void";
import { createTestDatabase } from "../helpers/db";
import { insertFinalizedInvoice, insertStaffActor, insertTestCustomer, moneyRowCounts, readInvoice } from "../helpers/invoice-rows";

const { db } = await createTestDatabase();
let actor: Actor;

beforeAll(async () => {
  actor = await insertStaffActor(db);
});

const input = (customerId: string, amount: bigint, rows: { invoiceId: string; amount: bigint }[], keepExcessAsCredit = false): RecordPaymentInput => ({
  customerId,
  currency: "USD",
  amount,
  method: "cash",
  reference: null,
  note: null,
  receivedOn: "2026-04-01",
  allocations: rows,
  keepExcessAsCredit,
});

async function invoiceOf(customerId: string, total: bigint, status: "finalized" | "sent" | "viewed" = "finalized") {
  return (await insertFinalizedInvoice(db, { customerId, status, lines: [{ quantity: 1, unitPrice: total }] })).invoice;
}

describe("voidPayment", () => {
  it("restores every invoice's balance and status with reversal rows, and never deletes", async () => {
    const customerId = await insertTestCustomer(db, "Void Co");
    const sent = await invoiceOf(customerId, 50_00n, "sent");
    const viewed = await invoiceOf(customerId, 30_00n, "viewed");
    const fresh = await invoiceOf(customerId, 40_00n);
    const other = await recordPayment(db, input(customerId, 10_00n, [{ invoiceId: fresh.id, amount: 10_00n }]), actor);
    const paid = await recordPayment(db, input(customerId, 100_00n, [{ invoiceId: sent.id, amount: 50_00n }, { invoiceId: viewed.id, amount: 10_00n }, { invoiceId: fresh.id, amount: 30_00n }], true), actor);
    expect(await readInvoice(db, sent.id)).toMatchObject({ status: "paid" });
    expect(await readInvoice(db, fresh.id)).toMatchObject({ status: "paid" });

    await voidPayment(db, paid.paymentId, "  Bounced cheque ", actor);

    expect(await readInvoice(db, sent.id)).toMatchObject({ status: "sent", amountPaid: 0n, amountDue: 50_00n, paidAt: null });
    expect(await readInvoice(db, viewed.id)).toMatchObject({ status: "viewed", amountPaid: 0n, amountDue: 30_00n });
    // the other payment still counts
    expect(await readInvoice(db, fresh.id)).toMatchObject({ status: "partial", amountPaid: 10_00n, amountDue: 30_00n });

    const [voided] = await db.select().from(payments).where(eq(payments.id, paid.paymentId));
    expect(voided).toMatchObject({ status: "voided", voidReason: "Bounced cheque", voidedBy: actor.userId });
    expect(voided?.voidedAt).toBeInstanceOf(Date);
    const rows = await db.select().from(allocations).where(eq(allocations.paymentId, paid.paymentId)).orderBy(asc(allocations.amount));
    expect(rows).toHaveLength(6);
    const originals = rows.filter((row) => row.reversalOfId === null);
    for (const original of originals) {
      expect(rows.find((row) => row.reversalOfId === original.id)?.amount).toBe(-original.amount);
    }
    // the voided payment is no longer customer credit
    expect(await customerCreditBalance(db, customerId, "USD")).toBe(0n);
    expect(other.unallocated).toBe(0n);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "payment.void"), eq(auditLog.entityId, paid.paymentId)));
    expect(audit?.after).toMatchObject({ customerId, status: "voided", reason: "Bounced cheque" });
    const listed = await listInvoicePayments(db, sent.id);
    expect(listed[0]).toMatchObject({ status: "voided", unallocated: 0n });
    expect(listed[0]?.allocations.map((row) => row.isReversal)).toEqual([false, true]);
  });

  it("refuses a second void and a blank reason, writing nothing", async () => {
    const customerId = await insertTestCustomer(db, "Twice Co");
    const invoice = await invoiceOf(customerId, 20_00n);
    const paid = await recordPayment(db, input(customerId, 20_00n, [{ invoiceId: invoice.id, amount: 20_00n }]), actor);
    await expect(voidPayment(db, paid.paymentId, "   ", actor)).rejects.toBeInstanceOf(UserError);
    await voidPayment(db, paid.paymentId, "Entered twice", actor);
    const before = await moneyRowCounts(db);
    await expect(voidPayment(db, paid.paymentId, "Again", actor)).rejects.toThrow(/already voided/);
    await expect(voidPayment(db, crypto.randomUUID(), "Unknown", actor)).rejects.toThrow(/no longer exists/);
    expect(await moneyRowCounts(db)).toEqual(before);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "finalized", amountDue: 20_00n });
  });

  it("also reverses credit the payment later paid elsewhere", async () => {
    const customerId = await insertTestCustomer(db, "Credit Void Co");
    const first = await invoiceOf(customerId, 10_00n);
    const second = await invoiceOf(customerId, 10_00n);
    const paid = await recordPayment(db, input(customerId, 15_00n, [{ invoiceId: first.id, amount: 10_00n }], true), actor);
    await applyCustomerCredit(db, { customerId, invoiceId: second.id, amount: 5_00n }, actor);
    expect(await readInvoice(db, second.id)).toMatchObject({ status: "partial", amountDue: 5_00n });

    await voidPayment(db, paid.paymentId, "Wrong customer", actor);
    expect(await readInvoice(db, first.id)).toMatchObject({ status: "finalized", amountDue: 10_00n });
    expect(await readInvoice(db, second.id)).toMatchObject({ status: "finalized", amountDue: 10_00n });
  });
});

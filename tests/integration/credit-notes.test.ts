import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { allocations, auditLog, creditNoteLines, creditNotes, refunds } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { createCreditNote } from "@/lib/credit-notes/create";
import { creditableLines, getCreditNoteDetail } from "@/lib/credit-notes/queries";
import { UserError } from "@/lib/errors";
import { applyCustomerCredit, customerCreditBalance } from "@/lib/payments/credit";
import { recordPayment } from "@/lib/payments/record";
import { createTestDatabase } from "../helpers/db";
import { insertFinalizedInvoice, insertStaffActor, insertTestCustomer, moneyRowCounts, readInvoice, VAT_AND_UNTAXED_LINES } from "../helpers/invoice-rows";

const { db } = await createTestDatabase();
let actor: Actor;

beforeAll(async () => {
  actor = await insertStaffActor(db);
});

// 3 × $100.00 at 16% VAT (line total $348.00) and 1 × $50.00 untaxed: invoice total $398.00
const LINES = VAT_AND_UNTAXED_LINES;

async function pay(customerId: string, invoiceId: string, amount: bigint) {
  return recordPayment(
    db,
    { customerId, currency: "USD", amount, method: "bank_transfer", reference: null, note: null, receivedOn: "2026-06-01", allocations: [{ invoiceId, amount }], keepExcessAsCredit: false },
    actor,
  );
}

const line = (id: string, units: number) => ({ invoiceLineId: id, quantity: BigInt(units) * 10_000n });

describe("createCreditNote", () => {
  it("on an unpaid invoice reduces the amount due by the note's total, numbered from its own series, audited", async () => {
    const customerId = await insertTestCustomer(db, "Unpaid Co");
    const { invoice, lines } = await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "sent" });
    expect(invoice.total).toBe(398_00n);

    const note = await createCreditNote(db, { invoiceId: invoice.id, reason: " Day 3 cancelled ", lines: [line(lines[0]!.id, 1)], excess: "credit" }, actor);
    expect(note.number).toMatch(/^CN-\d{4}-00001$/);
    const [stored] = await db.select().from(creditNotes).where(eq(creditNotes.id, note.id));
    expect(stored).toMatchObject({ invoiceId: invoice.id, customerId, currency: "USD", reason: "Day 3 cancelled", subtotal: 100_00n, taxTotal: 16_00n, total: 116_00n });
    const noteLines = await db.select().from(creditNoteLines).where(eq(creditNoteLines.creditNoteId, note.id));
    expect(noteLines).toMatchObject([{ invoiceLineId: lines[0]!.id, position: 1, description: "Consulting day", quantity: 10_000n, net: 100_00n, tax: 16_00n, total: 116_00n }]);

    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "sent", amountCredited: 116_00n, amountPaid: 0n, amountDue: 282_00n });
    const rows = await db.select().from(allocations).where(eq(allocations.creditNoteId, note.id));
    expect(rows).toMatchObject([{ invoiceId: invoice.id, amount: 116_00n, paymentId: null }]);
    expect(await customerCreditBalance(db, customerId, "USD")).toBe(0n);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "credit_note.create"), eq(auditLog.entityId, note.id)));
    expect(audit?.after).toMatchObject({ customerId, invoiceId: invoice.id, number: note.number, total: "11600", appliedToInvoice: "11600", excess: null });

    const second = await createCreditNote(db, { invoiceId: invoice.id, reason: "Rest", lines: "all", excess: "credit" }, actor);
    expect(second.number).toMatch(/-00002$/);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountCredited: 398_00n, amountDue: 0n });
  });

  it("on a paid invoice becomes customer credit, usable on another invoice", async () => {
    const customerId = await insertTestCustomer(db, "Paid Credit Co");
    const { invoice, lines } = await insertFinalizedInvoice(db, { customerId, lines: LINES });
    await pay(customerId, invoice.id, 398_00n);
    const note = await createCreditNote(db, { invoiceId: invoice.id, reason: "Travel refunded", lines: [line(lines[1]!.id, 1)], excess: "credit" }, actor);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountPaid: 398_00n, amountCredited: 0n, amountDue: 0n });
    expect(await db.select().from(allocations).where(eq(allocations.creditNoteId, note.id))).toEqual([]);
    expect(await customerCreditBalance(db, customerId, "USD")).toBe(50_00n);

    const { invoice: next } = await insertFinalizedInvoice(db, { customerId, lines: [{ quantity: 1, unitPrice: 80_00n }] });
    const { applied } = await applyCustomerCredit(db, { customerId, invoiceId: next.id, amount: 50_00n }, actor);
    expect(applied).toEqual([{ kind: "credit_note", sourceId: note.id, number: note.number, amount: 50_00n }]);
    expect(await readInvoice(db, next.id)).toMatchObject({ status: "finalized", amountCredited: 50_00n, amountDue: 30_00n });
    const detail = await getCreditNoteDetail(db, note.id);
    expect(detail?.applied).toEqual([{ invoiceId: next.id, invoiceNumber: next.number, amount: 50_00n }]);
    expect(detail?.remaining).toBe(0n);
  });

  it("on a paid invoice with excess 'refund' records the refund instead (method required)", async () => {
    const customerId = await insertTestCustomer(db, "Refund Co");
    const { invoice, lines } = await insertFinalizedInvoice(db, { customerId, lines: LINES });
    await pay(customerId, invoice.id, 398_00n);
    const before = await moneyRowCounts(db);
    const noMethod = createCreditNote(db, { invoiceId: invoice.id, reason: "Refund", lines: [line(lines[1]!.id, 1)], excess: "refund" }, actor);
    await expect(noMethod).rejects.toThrow("Choose how the money is refunded.");
    expect(await moneyRowCounts(db)).toEqual(before);

    const note = await createCreditNote(db, { invoiceId: invoice.id, reason: "Refund", lines: [line(lines[1]!.id, 1)], excess: "refund", refundMethod: "mpesa" }, actor);
    const [refund] = await db.select().from(refunds).where(eq(refunds.creditNoteId, note.id));
    expect(refund).toMatchObject({ customerId, currency: "USD", amount: 50_00n, method: "mpesa", paymentId: null });
    expect(await customerCreditBalance(db, customerId, "USD")).toBe(0n);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountDue: 0n });
  });

  it("on a partly paid invoice clears what is due and keeps the rest as credit", async () => {
    const customerId = await insertTestCustomer(db, "Partly Co");
    const { invoice } = await insertFinalizedInvoice(db, { customerId, lines: LINES });
    await pay(customerId, invoice.id, 300_00n);
    await createCreditNote(db, { invoiceId: invoice.id, reason: "Everything", lines: "all", excess: "credit" }, actor);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountPaid: 300_00n, amountCredited: 98_00n, amountDue: 0n });
    expect(await customerCreditBalance(db, customerId, "USD")).toBe(300_00n);
  });

  it("refuses over-crediting a line (earlier notes count), unknown lines, drafts, void and uncollectible invoices, writing nothing", async () => {
    const customerId = await insertTestCustomer(db, "Over Credit Co");
    const { invoice, lines } = await insertFinalizedInvoice(db, { customerId, lines: LINES });
    const { lines: otherLines } = await insertFinalizedInvoice(db, { customerId, lines: LINES });
    await createCreditNote(db, { invoiceId: invoice.id, reason: "Two days", lines: [line(lines[0]!.id, 2)], excess: "credit" }, actor);
    const before = await moneyRowCounts(db);

    const over = await createCreditNote(db, { invoiceId: invoice.id, reason: "Too much", lines: [line(lines[1]!.id, 1), line(lines[0]!.id, 2)], excess: "credit" }, actor).catch((e: unknown) => e);
    expect(over).toBeInstanceOf(UserError);
    expect((over as UserError).fieldErrors).toEqual({ "lines.1.quantity": ["Only 1 of this line is left to credit."] });
    await expect(createCreditNote(db, { invoiceId: invoice.id, reason: "Wrong", lines: [line(otherLines[0]!.id, 1)], excess: "credit" }, actor)).rejects.toThrow(/not on TINV/);
    const { invoice: draft } = await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "draft" });
    const { invoice: voided } = await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "void" });
    await expect(createCreditNote(db, { invoiceId: draft.id, reason: "Draft", lines: "all", excess: "credit" }, actor)).rejects.toThrow(/draft/);
    await expect(createCreditNote(db, { invoiceId: voided.id, reason: "Void", lines: "all", excess: "credit" }, actor)).rejects.toThrow(/is void/);
    const { invoice: writtenOff } = await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "uncollectible" });
    await expect(createCreditNote(db, { invoiceId: writtenOff.id, reason: "Bad debt", lines: "all", excess: "credit" }, actor)).rejects.toThrow(/uncollectible/);
    await expect(createCreditNote(db, { invoiceId: invoice.id, reason: "  ", lines: "all", excess: "credit" }, actor)).rejects.toBeInstanceOf(UserError);
    expect(await moneyRowCounts(db)).toEqual(before);

    await createCreditNote(db, { invoiceId: invoice.id, reason: "The rest", lines: "all", excess: "credit" }, actor);
    await expect(createCreditNote(db, { invoiceId: invoice.id, reason: "Again", lines: "all", excess: "credit" }, actor)).rejects.toThrow(/already credited/);
  });

  it("crediting a line in several notes sums to the line exactly (with a document discount)", async () => {
    const customerId = await insertTestCustomer(db, "Split Co");
    const { invoice, lines } = await insertFinalizedInvoice(db, {
      customerId,
      lines: [{ quantity: 7, unitPrice: 13_33n, taxPercents: [16_000n] }, { quantity: 1, unitPrice: 9_99n }],
      discount: { kind: "percent", percent: 7_500n },
    });
    const first = lines[0]!;
    for (const units of [2, 1, 3, 1]) {
      await createCreditNote(db, { invoiceId: invoice.id, reason: "Part", lines: [line(first.id, units)], excess: "credit" }, actor);
    }
    const credited = await db.select().from(creditNoteLines).where(eq(creditNoteLines.invoiceLineId, first.id));
    const sum = (pick: (row: (typeof credited)[number]) => bigint) => credited.reduce((total, row) => total + pick(row), 0n);
    expect(sum((row) => row.quantity)).toBe(first.quantity);
    expect(sum((row) => row.net)).toBe(first.taxable);
    expect(sum((row) => row.tax)).toBe(first.tax);
    expect(sum((row) => row.total)).toBe(first.total);
    const stored = await readInvoice(db, invoice.id);
    expect(stored.amountCredited).toBe(first.total);
    expect(stored.amountDue).toBe(invoice.total - first.total);

    const offered = await creditableLines(db, invoice.id);
    expect(offered.map((row) => [row.id, row.remainingQuantity])).toEqual([
      [first.id, 0n],
      [lines[1]!.id, 10_000n],
    ]);
  });

  it("getCreditNoteDetail gives the lines, the invoice number and the customer", async () => {
    const customerId = await insertTestCustomer(db, "Detail Co");
    const { invoice, lines } = await insertFinalizedInvoice(db, { customerId, lines: LINES });
    const note = await createCreditNote(db, { invoiceId: invoice.id, reason: "Detail", lines: [line(lines[0]!.id, 1), line(lines[1]!.id, 1)], excess: "credit" }, actor);
    const detail = await getCreditNoteDetail(db, note.id);
    expect(detail?.creditNote).toMatchObject({ number: note.number, total: 166_00n });
    expect(detail?.invoice).toMatchObject({ id: invoice.id, number: invoice.number });
    expect(detail?.customer).toMatchObject({ id: customerId, displayName: "Detail Co" });
    expect(detail?.lines.map((row) => [row.description, row.total, row.taxNames])).toEqual([
      ["Consulting day", 116_00n, ["VAT"]],
      ["Travel", 50_00n, []],
    ]);
    expect(detail?.applied).toEqual([{ invoiceId: invoice.id, invoiceNumber: invoice.number, amount: 166_00n }]);
    expect(detail?.remaining).toBe(0n);
    expect(await getCreditNoteDetail(db, crypto.randomUUID())).toBeNull();
    expect(await getCreditNoteDetail(db, "not-a-uuid")).toBeNull();
  });
});

import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { allocations, auditLog, invoiceLines, invoiceLineTaxes, invoices, payments, taxRates, type Invoice } from "@/db/schema";
import { addDaysIso, todayIso } from "@/lib/invoices/dates";
import { createDraft } from "@/lib/invoices/drafts";
import { duplicateInvoice, markSent, markUncollectible, recordPublicView, voidInvoice } from "@/lib/invoices/lifecycle";
import { createTestDatabase } from "../helpers/db";
import { readInvoice } from "../helpers/invoice-rows";
import { createFinalizedInvoice, draftInput, seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";
import { refusal } from "../helpers/refusal";

const { db } = await createTestDatabase();
let world: InvoiceWorld;

beforeAll(async () => {
  world = await seedInvoiceWorld(db);
});

async function audits(id: string, action: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, action))).orderBy(asc(auditLog.createdAt));
}

async function auditTotal() {
  return (await db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
}

let paymentSeq = 0;

/** A payment applied to the invoice, written straight through the schema as the payments slice would. */
async function pay(invoice: Invoice, amount: bigint, options: { markPaid?: boolean } = {}) {
  const [payment] = await db
    .insert(payments)
    .values({ number: `PAY-T-${++paymentSeq}`, customerId: invoice.customerId, currency: invoice.currency, amount, method: "bank_transfer", receivedOn: todayIso() })
    .returning();
  const [allocation] = await db.insert(allocations).values({ invoiceId: invoice.id, paymentId: payment!.id, amount }).returning();
  if (options.markPaid) {
    await db.update(invoices).set({ amountPaid: amount, amountDue: invoice.total - amount, status: amount === invoice.total ? "paid" : "partial" }).where(eq(invoices.id, invoice.id));
  }
  return { payment: payment!, allocation: allocation! };
}

describe("voiding", () => {
  it("voids an open invoice with a reason: it keeps its number and records who and why", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    await voidInvoice(db, invoice.id, "  Issued to the wrong customer  ", world.actor);
    const after = await readInvoice(db, invoice.id);
    expect(after).toMatchObject({ status: "void", voidReason: "Issued to the wrong customer", number: invoice.number, total: invoice.total });
    expect(after.voidedAt).toBeInstanceOf(Date);
    const [audit] = await audits(invoice.id, "invoice.void");
    expect(audit?.after).toMatchObject({ status: "void", customerId: world.customer.id, voidReason: "Issued to the wrong customer" });
    expect(audit?.before).toMatchObject({ status: "finalized" });
  });

  it("needs a reason of 1 to 500 characters", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const before = await auditTotal();
    expect((await refusal(voidInvoice(db, invoice.id, "   ", world.actor))).fieldErrors).toEqual({ reason: ["Say why the invoice is voided."] });
    expect((await refusal(voidInvoice(db, invoice.id, "x".repeat(501), world.actor))).fieldErrors).toEqual({ reason: ["Use at most 500 characters for the reason."] });
    expect((await readInvoice(db, invoice.id)).status).toBe("finalized");
    expect(await auditTotal()).toBe(before);
  });

  it("refuses an invoice with payments on it, and a paid one, and writes nothing", async () => {
    const withPayment = await createFinalizedInvoice(db, world);
    await pay(withPayment, 10_000n);
    const paid = await createFinalizedInvoice(db, world);
    await pay(paid, paid.total, { markPaid: true });
    const partial = await createFinalizedInvoice(db, world);
    await pay(partial, 5_000n, { markPaid: true });
    const before = await auditTotal();

    expect((await refusal(voidInvoice(db, withPayment.id, "Duplicate", world.actor))).message).toBe("This invoice has payments. Refund or credit them first, then void.");
    expect((await refusal(voidInvoice(db, paid.id, "Duplicate", world.actor))).message).toBe("This invoice is paid. Refund or credit the payments first, then void.");
    expect((await refusal(voidInvoice(db, partial.id, "Duplicate", world.actor))).message).toBe("This invoice has payments. Refund or credit them first, then void.");
    expect((await readInvoice(db, withPayment.id)).status).toBe("finalized");
    expect((await readInvoice(db, paid.id)).status).toBe("paid");
    expect((await readInvoice(db, partial.id)).status).toBe("partial");
    expect(await auditTotal()).toBe(before);
  });

  it("voids once a payment has been reversed (net payments zero)", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const { payment, allocation } = await pay(invoice, 10_000n);
    await db.insert(allocations).values({ invoiceId: invoice.id, paymentId: payment.id, amount: -10_000n, reversalOfId: allocation.id });
    await voidInvoice(db, invoice.id, "Customer cancelled", world.actor);
    expect((await readInvoice(db, invoice.id)).status).toBe("void");
  });

  it("refuses drafts, void invoices and unknown ids", async () => {
    const { id: draftId } = await createDraft(db, draftInput(world), world.actor);
    expect((await refusal(voidInvoice(db, draftId, "Nope", world.actor))).message).toBe("A draft has no number to void. Delete the draft instead.");
    const invoice = await createFinalizedInvoice(db, world);
    await voidInvoice(db, invoice.id, "First", world.actor);
    expect((await refusal(voidInvoice(db, invoice.id, "Second", world.actor))).message).toBe("This invoice is already void.");
    expect((await refusal(voidInvoice(db, "nope", "Reason", world.actor))).message).toBe("That invoice does not exist.");
  });

  it("voids an uncollectible invoice", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    await markUncollectible(db, invoice.id, world.actor);
    await voidInvoice(db, invoice.id, "Written off, then cancelled", world.actor);
    expect((await readInvoice(db, invoice.id)).status).toBe("void");
  });
});

describe("marking uncollectible", () => {
  it("writes off an open invoice and audits it", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    await markUncollectible(db, invoice.id, world.actor);
    const after = await readInvoice(db, invoice.id);
    expect(after).toMatchObject({ status: "uncollectible", amountDue: invoice.total });
    expect(after.uncollectibleAt).toBeInstanceOf(Date);
    expect(await audits(invoice.id, "invoice.uncollectible")).toHaveLength(1);
  });

  it("refuses anything that is not open", async () => {
    const { id: draftId } = await createDraft(db, draftInput(world), world.actor);
    expect((await refusal(markUncollectible(db, draftId, world.actor))).message).toBe("Only an open invoice can be marked uncollectible; this one is draft.");
    const paid = await createFinalizedInvoice(db, world);
    await pay(paid, paid.total, { markPaid: true });
    expect((await refusal(markUncollectible(db, paid.id, world.actor))).message).toBe("Only an open invoice can be marked uncollectible; this one is paid.");
  });
});

describe("duplicating", () => {
  it("makes a new draft with the same customer, lines, taxes, discount and notes, dated today", async () => {
    const source = await createFinalizedInvoice(db, world, {
      customerId: world.kesCustomer.id, currency: "KES", issueDate: "2026-01-05", dueDate: "2026-01-20",
      discount: { kind: "percent", percent: 5_000n }, notes: "Net 15", terms: "Pay by M-Pesa", poNumber: "PO-1",
    });
    const { id } = await duplicateInvoice(db, source.id, world.actor);
    const copy = await readInvoice(db, id);
    const today = todayIso();
    expect(copy).toMatchObject({
      status: "draft", number: null, customerId: world.kesCustomer.id, currency: "KES", issueDate: today, dueDate: addDaysIso(today, 15),
      discountKind: "percent", discountValue: 5_000n, notes: "Net 15", terms: "Pay by M-Pesa", poNumber: "PO-1",
      subtotal: source.subtotal, discountTotal: source.discountTotal, taxTotal: source.taxTotal, total: source.total, amountDue: source.total,
      duplicatedFromId: source.id, version: 1,
    });
    const lineShape = async (invoiceId: string) =>
      (await db
        .select({ position: invoiceLines.position, description: invoiceLines.description, quantity: invoiceLines.quantity, total: invoiceLines.total, productId: invoiceLines.productId, tax: invoiceLineTaxes.name, amount: invoiceLineTaxes.amount })
        .from(invoiceLines)
        .leftJoin(invoiceLineTaxes, eq(invoiceLineTaxes.lineId, invoiceLines.id))
        .where(eq(invoiceLines.invoiceId, invoiceId))
        .orderBy(asc(invoiceLines.position), asc(invoiceLineTaxes.compound)));
    expect(await lineShape(id)).toEqual(await lineShape(source.id));
    const [audit] = await audits(id, "invoice.duplicate");
    expect(audit?.after).toMatchObject({ customerId: world.kesCustomer.id, status: "draft", duplicatedFromId: source.id, duplicatedFromNumber: source.number });
    // the source is untouched
    expect(await readInvoice(db, source.id)).toEqual(source);
  });

  it("refuses to copy a tax rate retired since, and writes nothing", async () => {
    const other = await seedInvoiceWorld(db);
    const source = await createFinalizedInvoice(db, other);
    await db.update(taxRates).set({ active: false }).where(eq(taxRates.id, other.exciseCompound.id));
    const before = await auditTotal();
    const error = await refusal(duplicateInvoice(db, source.id, other.actor));
    expect(error.fieldErrors).toEqual({ "lines.1.taxRateIds": [`${other.exciseCompound.name} is inactive; choose another tax rate.`] });
    expect(await auditTotal()).toBe(before);
  });
});

describe("sending and viewing", () => {
  it("moves finalized to sent on the first send and keeps the first sentAt", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const first = await db.transaction((tx) => markSent(tx, invoice.id, world.actor));
    expect(first.status).toBe("sent");
    expect(first.sentAt).toBeInstanceOf(Date);
    const second = await db.transaction((tx) => markSent(tx, invoice.id, world.actor));
    expect(second).toMatchObject({ status: "sent", sentAt: first.sentAt });
    expect(await audits(invoice.id, "invoice.sent")).toHaveLength(2);
  });

  it("keeps a later status when sent again, and refuses a draft", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    await recordPublicView(db, invoice.id);
    const sent = await db.transaction((tx) => markSent(tx, invoice.id, world.actor));
    expect(sent.status).toBe("viewed");
    expect(sent.sentAt).toBeInstanceOf(Date);
    const { id: draftId } = await createDraft(db, draftInput(world), world.actor);
    expect((await refusal(db.transaction((tx) => markSent(tx, draftId, world.actor)))).message).toBe("Finalize the invoice before sending it.");
    expect((await readInvoice(db, draftId)).sentAt).toBeNull();
  });

  it("counts public views, sets viewedAt once and moves sent to viewed, audited as the customer", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    await db.transaction((tx) => markSent(tx, invoice.id, world.actor));
    await recordPublicView(db, invoice.id);
    const first = await readInvoice(db, invoice.id);
    expect(first).toMatchObject({ status: "viewed", viewCount: 1 });
    expect(first.viewedAt).toBeInstanceOf(Date);
    await recordPublicView(db, invoice.id);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "viewed", viewCount: 2, viewedAt: first.viewedAt });
    const views = await audits(invoice.id, "invoice.viewed");
    expect(views.map((row) => [row.actorId, row.actorLabel])).toEqual([[null, "customer"], [null, "customer"]]);
    expect(views[0]?.before).toMatchObject({ status: "sent" });
    expect(views[1]?.after).toMatchObject({ viewCount: 2, customerId: world.customer.id });
  });

  it("keeps partial and paid when viewed, and records nothing for a draft", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    await pay(invoice, 1_000n, { markPaid: true });
    await recordPublicView(db, invoice.id);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "partial", viewCount: 1 });
    const { id: draftId } = await createDraft(db, draftInput(world), world.actor);
    await recordPublicView(db, draftId);
    expect(await readInvoice(db, draftId)).toMatchObject({ status: "draft", viewCount: 0, viewedAt: null });
    expect(await audits(draftId, "invoice.viewed")).toHaveLength(0);
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { allocations, creditNotes, invoices, invoiceTemplates, payments } from "@/db/schema";
import { listCustomerActivity } from "@/lib/customers/activity";
import { addDaysIso, todayIso } from "@/lib/invoices/dates";
import { getInvoiceActivity, getInvoiceDetail } from "@/lib/invoices/detail";
import { createDraft, deleteDraft, updateDraft } from "@/lib/invoices/drafts";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import { duplicateInvoice, markSent, recordPublicView, voidInvoice } from "@/lib/invoices/lifecycle";
import { createTestDatabase } from "../helpers/db";
import { createFinalizedInvoice, draftInput, seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";

const { db } = await createTestDatabase();
let world: InvoiceWorld;

beforeAll(async () => {
  world = await seedInvoiceWorld(db);
});

describe("invoice detail", () => {
  it("reads the invoice with its customer, lines, taxes and a per-rate breakdown in first-use order", async () => {
    const { id } = await createDraft(
      db,
      draftInput(world, {
        lines: [
          { productId: null, description: "Excise only", unit: null, quantity: 10_000n, unitPrice: 10_000n, discountPercent: 0n, taxRateIds: [world.exciseCompound.id] },
          ...draftInput(world).lines,
        ],
      }),
      world.actor,
    );
    const detail = await getInvoiceDetail(db, id);
    expect(detail?.invoice).toMatchObject({ id, status: "draft", total: 63_025n });
    expect(detail?.displayStatus).toBe("draft");
    expect(detail?.customer).toEqual({
      id: world.customer.id, number: world.customer.number, displayName: world.customer.displayName, email: world.customer.email, secondaryEmail: null,
      billingStreet: null, billingCity: null, billingRegion: null, billingPostalCode: null, billingCountry: null, taxId: null, currency: "USD",
    });
    expect(detail?.lines.map((line) => [line.position, line.description, line.taxes.map((tax) => [tax.name, tax.percent, tax.compound, tax.amount])])).toEqual([
      [0, "Excise only", [[world.exciseCompound.name, "10.000", true, 1_000n]]],
      [1, "Consulting", [[world.vat16.name, "16.000", false, 4_800n]]],
      [2, "Hosting", [[world.vat16.name, "16.000", false, 2_160n], [world.exciseCompound.name, "10.000", true, 1_566n]]],
    ]);
    // excise: 100.00 (line 0) + 134.99 + 21.60 VAT (compound base of line 2)
    expect(detail?.taxBreakdown).toEqual([
      { taxRateId: world.exciseCompound.id, name: world.exciseCompound.name, percent: "10.000", compound: true, taxable: 25_659n, amount: 2_566n },
      { taxRateId: world.vat16.id, name: world.vat16.name, percent: "16.000", compound: false, taxable: 43_499n, amount: 6_960n },
    ]);
    const taxSum = detail!.taxBreakdown.reduce((sum, row) => sum + row.amount, 0n);
    expect(taxSum).toBe(detail!.invoice.taxTotal);
    expect(detail?.template).toBeNull();
    expect(detail?.allocations).toEqual([]);
    expect(detail?.creditNotes).toEqual([]);
  });

  it("uses the invoice's template, or the default one", async () => {
    const [fallback] = await db.insert(invoiceTemplates).values({ name: "Default", isDefault: true }).returning();
    const [chosen] = await db.insert(invoiceTemplates).values({ name: "Chosen", accentColor: "#112233" }).returning();
    const { id: plain } = await createDraft(db, draftInput(world), world.actor);
    const { id: styled } = await createDraft(db, draftInput(world, { templateId: chosen!.id }), world.actor);
    expect((await getInvoiceDetail(db, plain))?.template?.id).toBe(fallback!.id);
    expect((await getInvoiceDetail(db, styled))?.template).toMatchObject({ id: chosen!.id, accentColor: "#112233" });
  });

  it("lists payments and credit notes with their numbers, reversals included, and derives overdue from today", async () => {
    const invoice = await createFinalizedInvoice(db, world, { issueDate: "2026-01-10", dueDate: "2026-02-09" });
    const [payment] = await db
      .insert(payments)
      .values({ number: "PAY-2026-00042", customerId: world.customer.id, currency: "USD", amount: 10_000n, method: "mpesa", receivedOn: "2026-01-15" })
      .returning();
    const [note] = await db
      .insert(creditNotes)
      .values({ number: "CN-2026-00007", invoiceId: invoice.id, customerId: world.customer.id, currency: "USD", reason: "Damaged", issueDate: "2026-01-20", subtotal: 1_000n, taxTotal: 160n, total: 1_160n })
      .returning();
    const [paid] = await db.insert(allocations).values({ invoiceId: invoice.id, paymentId: payment!.id, amount: 10_000n }).returning();
    await db.insert(allocations).values({ invoiceId: invoice.id, creditNoteId: note!.id, amount: 1_160n });
    await db.insert(allocations).values({ invoiceId: invoice.id, paymentId: payment!.id, amount: -10_000n, reversalOfId: paid!.id });
    await db.update(invoices).set({ amountCredited: 1_160n, amountDue: invoice.total - 1_160n }).where(eq(invoices.id, invoice.id));

    const detail = await getInvoiceDetail(db, invoice.id, "2026-03-01");
    expect(detail?.displayStatus).toBe("overdue");
    expect((await getInvoiceDetail(db, invoice.id, "2026-02-09"))?.displayStatus).toBe("finalized");
    expect(detail?.allocations.map((row) => [row.kind, row.sourceId, row.sourceNumber, row.amount, row.isReversal])).toEqual([
      ["payment", payment!.id, "PAY-2026-00042", 10_000n, false],
      ["credit_note", note!.id, "CN-2026-00007", 1_160n, false],
      ["payment", payment!.id, "PAY-2026-00042", -10_000n, true],
    ]);
    expect(detail?.creditNotes).toEqual([{ id: note!.id, number: "CN-2026-00007", issueDate: "2026-01-20", reason: "Damaged", total: 1_160n }]);
  });

  it("finds nothing for a deleted, unknown or malformed id", async () => {
    const { id } = await createDraft(db, draftInput(world), world.actor);
    await deleteDraft(db, id, world.actor);
    expect(await getInvoiceDetail(db, id)).toBeNull();
    expect(await getInvoiceDetail(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getInvoiceDetail(db, "1' or '1'='1")).toBeNull();
  });
});

describe("invoice activity", () => {
  it("tells the invoice's story newest first, with who did each step", async () => {
    const { id } = await createDraft(db, draftInput(world), world.actor);
    await updateDraft(db, id, 1, draftInput(world, { notes: "Edited" }), world.actor);
    const { number } = await finalizeInvoice(db, id, world.actor);
    await db.transaction((tx) => markSent(tx, id, world.actor));
    await recordPublicView(db, id);
    await voidInvoice(db, id, "Sent twice by mistake", world.actor);

    const activity = await getInvoiceActivity(db, id);
    expect(activity.map((item) => [item.action, item.actorName, item.summary, item.detail])).toEqual([
      ["invoice.void", "Fin Ance", "Voided", "Sent twice by mistake"],
      ["invoice.viewed", "Customer", "Viewed by the customer", null],
      ["invoice.sent", "Fin Ance", "Sent to the customer", null],
      ["invoice.finalize", "Fin Ance", `Finalized as ${number}`, "Total $520.25"],
      ["invoice.update", "Fin Ance", "Edited the draft", "Total $520.25"],
      ["invoice.create", "Fin Ance", "Created the draft", "Total $520.25"],
    ]);
    expect(activity[0]?.at).toBeInstanceOf(Date);
    expect(await getInvoiceActivity(db, "not-a-uuid")).toEqual([]);
  });

  it("says where a copy came from", async () => {
    const source = await createFinalizedInvoice(db, world);
    const { id } = await duplicateInvoice(db, source.id, world.actor);
    expect((await getInvoiceActivity(db, id)).map((item) => [item.summary, item.detail])).toEqual([["Created the draft as a copy", `Copy of ${source.number}`]]);
  });

  it("puts invoice events on the customer's timeline, naming the invoice", async () => {
    const other = await seedInvoiceWorld(db);
    const { id } = await createDraft(db, draftInput(other, { issueDate: todayIso(), dueDate: addDaysIso(todayIso(), 7) }), other.actor);
    const { number } = await finalizeInvoice(db, id, other.actor);
    await voidInvoice(db, id, "Wrong amounts", other.actor);
    const { items } = await listCustomerActivity(db, other.customer.id);
    expect(items.slice(0, 4).map((item) => [item.action, item.summary, item.detail])).toEqual([
      ["invoice.void", `Voided invoice ${number}`, "Wrong amounts"],
      ["invoice.finalize", `Finalized invoice ${number}`, "Total $520.25"],
      ["invoice.create", "Created invoice draft", "Total $520.25"],
      ["customer.created", "Created", null],
    ]);
    // another customer's invoices stay off this timeline
    const { items: worldItems } = await listCustomerActivity(db, world.kesCustomer.id);
    expect(worldItems.some((item) => item.action.startsWith("invoice."))).toBe(false);
  });
});

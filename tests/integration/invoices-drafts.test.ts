import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { auditLog, invoiceLines, invoiceLineTaxes, invoices, invoiceTemplates, products, taxRates } from "@/db/schema";
import { changeCustomerStatus, deleteCustomer } from "@/lib/customers/commands";
import { ConflictError } from "@/lib/errors";
import { createDraft, deleteDraft, updateDraft } from "@/lib/invoices/drafts";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import { invoiceDraftSchema, type InvoiceDraftFormValues, type InvoiceDraftInput } from "@/lib/invoices/schemas";
import { createTestDatabase } from "../helpers/db";
import { draftInput, seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";
import { refusal } from "../helpers/refusal";

const { db } = await createTestDatabase();
let world: InvoiceWorld;

beforeAll(async () => {
  world = await seedInvoiceWorld(db);
});

/** Rows in every table a draft save writes: equal before and after means nothing was written. */
async function counts(handle: Db = db) {
  const tally = async (table: typeof invoices | typeof invoiceLines | typeof invoiceLineTaxes | typeof auditLog) =>
    (await handle.select({ n: count() }).from(table))[0]?.n ?? 0;
  return { invoices: await tally(invoices), lines: await tally(invoiceLines), taxes: await tally(invoiceLineTaxes), audit: await tally(auditLog) };
}

async function storedLines(invoiceId: string) {
  const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
  const taxes = await db
    .select({ lineId: invoiceLineTaxes.lineId, name: invoiceLineTaxes.name, percent: invoiceLineTaxes.percent, compound: invoiceLineTaxes.compound, amount: invoiceLineTaxes.amount })
    .from(invoiceLineTaxes)
    .innerJoin(invoiceLines, eq(invoiceLines.id, invoiceLineTaxes.lineId))
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.position), asc(invoiceLineTaxes.compound));
  return { lines, taxes };
}

const line = (overrides: Partial<InvoiceDraftInput["lines"][number]> = {}): InvoiceDraftInput["lines"][number] => ({
  productId: null, description: "Widget", unit: null, quantity: 10_000n, unitPrice: 1_000n, discountPercent: 0n, taxRateIds: [], ...overrides,
});

describe("creating a draft", () => {
  it("stores every calculated figure, copies the line taxes and audits the creation", async () => {
    const { id, version } = await createDraft(db, draftInput(world, { poNumber: "PO-77" }), world.actor);
    expect(version).toBe(1);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, id));
    expect(invoice).toMatchObject({
      status: "draft", number: null, customerId: world.customer.id, currency: "USD", poNumber: "PO-77",
      subtotal: 43_499n, discountTotal: 0n, taxTotal: 8_526n, total: 52_025n, amountPaid: 0n, amountCredited: 0n, amountDue: 52_025n,
      createdBy: world.actor.userId, deletedAt: null,
    });

    const { lines, taxes } = await storedLines(id);
    expect(lines.map((l) => [l.position, l.description, l.quantity, l.unitPrice, l.discountPercent, l.gross, l.discount, l.net, l.taxable, l.tax, l.total])).toEqual([
      [0, "Consulting", 20_000n, 15_000n, 0, 30_000n, 0n, 30_000n, 30_000n, 4_800n, 34_800n],
      [1, "Hosting", 15_000n, 9_999n, 10_000, 14_999n, 1_500n, 13_499n, 13_499n, 3_726n, 17_225n],
    ]);
    expect(lines[0]?.productId).toBe(world.product.id);
    expect(taxes.map((t) => [t.lineId === lines[0]?.id ? 0 : 1, t.name, t.percent, t.compound, t.amount])).toEqual([
      [0, world.vat16.name, "16.000", false, 4_800n],
      [1, world.vat16.name, "16.000", false, 2_160n],
      [1, world.exciseCompound.name, "10.000", true, 1_566n],
    ]);

    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "invoice.create")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "invoice", actorId: world.actor.userId });
    expect(audit[0]?.after).toMatchObject({ customerId: world.customer.id, number: null, status: "draft", total: "52025", currency: "USD" });
  });

  it("spreads a document discount over the lines before tax", async () => {
    const { id } = await createDraft(db, draftInput(world, { discount: { kind: "fixed", amount: 4_350n } }), world.actor);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, id));
    // 43.50 off 434.99, in proportion to the nets 300.00 / 134.99: 30.00 and 13.50
    const { lines } = await storedLines(id);
    expect(lines.map((l) => [l.documentDiscount, l.taxable])).toEqual([[3_000n, 27_000n], [1_350n, 12_149n]]);
    expect(invoice).toMatchObject({ discountKind: "fixed", discountValue: 4_350n, subtotal: 43_499n, discountTotal: 4_350n });
    expect(invoice!.subtotal - invoice!.discountTotal + invoice!.taxTotal).toBe(invoice!.total);
  });

  it("saves an empty draft (a draft saves any time) with zero totals", async () => {
    const { id } = await createDraft(db, draftInput(world, { lines: [] }), world.actor);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, id));
    expect(invoice).toMatchObject({ total: 0n, amountDue: 0n, subtotal: 0n });
  });

  it("invoices a customer in another currency once that is confirmed", async () => {
    const { id } = await createDraft(db, draftInput(world, { customerId: world.kesCustomer.id, currency: "USD", confirmCurrency: true }), world.actor);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, id));
    expect(invoice).toMatchObject({ customerId: world.kesCustomer.id, currency: "USD" });
  });
});

describe("refusing bad drafts", () => {
  it("turns the editor's text into exact integers and reports typed mistakes at their field", () => {
    const form: InvoiceDraftFormValues = {
      customerId: world.customer.id, currency: "usd", confirmCurrency: false, issueDate: "2026-03-10", dueDate: "2026-03-01",
      poNumber: "", templateId: "", discountKind: "none", discountValue: "", notes: "", terms: "", footer: "",
      lines: [
        { productId: "", description: "Zero", unit: "", quantity: "0", unitPrice: "10.00", discountPercent: "", taxRateIds: [] },
        { productId: "", description: "Negative", unit: "", quantity: "1", unitPrice: "-5.00", discountPercent: "", taxRateIds: [] },
      ],
    };
    const result = invoiceDraftSchema.safeParse(form);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["dueDate", "The due date cannot be before the issue date."],
      ["lines.0.quantity", "The quantity must be more than 0."],
      ["lines.1.unitPrice", "The unit price cannot be negative."],
    ]);
  });

  it("refuses each bad input with a clear field error and writes nothing", async () => {
    const { id: templateId } = (await db.insert(invoiceTemplates).values({ name: "Gone", deletedAt: new Date() }).returning())[0]!;
    const [inactive] = await db.insert(taxRates).values({ name: "Old VAT", percent: "14.000", active: false }).returning();
    const [deletedProduct] = await db
      .insert(products)
      .values({ name: "Retired", unitPrice: 100n, currency: "USD", deletedAt: new Date() })
      .returning();
    const unknownId = "00000000-0000-4000-8000-000000000000";
    const cases: [string, Partial<InvoiceDraftInput>, Record<string, string[]>][] = [
      ["quantity 0", { lines: [line({ quantity: 0n })] }, { "lines.0.quantity": ["The quantity must be more than 0."] }],
      ["negative price", { lines: [line(), line({ unitPrice: -1n })] }, { "lines.1.unitPrice": ["The unit price cannot be negative."] }],
      ["unknown tax rate", { lines: [line({ taxRateIds: [unknownId] })] }, { "lines.0.taxRateIds": ["That tax rate does not exist."] }],
      ["inactive tax rate", { lines: [line({ taxRateIds: [inactive!.id] })] }, { "lines.0.taxRateIds": ["Old VAT is inactive; choose another tax rate."] }],
      ["tax twice", { lines: [line({ taxRateIds: [world.vat16.id, world.vat16.id] })] }, { "lines.0.taxRateIds": ["A tax can apply to a line only once."] }],
      ["unknown product", { lines: [line({ productId: unknownId })] }, { "lines.0.productId": ["That product does not exist."] }],
      ["deleted product", { lines: [line({ productId: deletedProduct!.id })] }, { "lines.0.productId": ["That product does not exist."] }],
      ["deleted template", { templateId }, { templateId: ["That template does not exist."] }],
      ["unknown customer", { customerId: unknownId }, { customerId: ["That customer does not exist."] }],
      ["malformed customer id", { customerId: "1' or '1'='1" }, { customerId: ["That customer does not exist."] }],
      ["currency without confirmation", { customerId: world.kesCustomer.id, currency: "USD" }, { currency: ["This customer is billed in KES. Confirm to invoice in USD."] }],
      ["due before issue", { issueDate: "2026-03-10", dueDate: "2026-03-09" }, { dueDate: ["The due date cannot be before the issue date."] }],
      ["impossible date", { issueDate: "2026-02-30" }, { issueDate: ["Enter the issue date."] }],
      ["discount above the subtotal", { discount: { kind: "fixed", amount: 43_500n } }, { discountValue: ["Invoice discount cannot be more than the subtotal."] }],
      ["line discount over 100%", { lines: [line({ discountPercent: 100_001n })] }, { "lines.0.discountPercent": ["A discount is a percent from 0 to 100."] }],
    ];
    const before = await counts();
    for (const [name, overrides, fieldErrors] of cases) {
      const error = await refusal(createDraft(db, draftInput(world, overrides), world.actor));
      expect(error.fieldErrors, name).toEqual(fieldErrors);
      // one problem: the banner says it
      expect(error.message, name).toBe(Object.values(fieldErrors)[0]?.[0]);
    }
    expect(await counts()).toEqual(before);
  });

  it("collects several problems at once and points at the fields", async () => {
    const before = await counts();
    const error = await refusal(createDraft(db, draftInput(world, { issueDate: "2026-05-02", dueDate: "2026-05-01", lines: [line({ quantity: 0n, unitPrice: -1n })] }), world.actor));
    expect(error.message).toBe("Check the highlighted fields.");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["dueDate", "lines.0.quantity", "lines.0.unitPrice"]);
    expect(await counts()).toEqual(before);
  });

  it("refuses archived and deleted customers", async () => {
    const archived = await seedInvoiceWorld(db);
    await changeCustomerStatus(db, archived.customer.id, "archive", world.actor);
    await deleteCustomer(db, archived.kesCustomer.id, world.actor);
    const before = await counts();
    const archivedError = await refusal(createDraft(db, draftInput(archived), world.actor));
    expect(archivedError.fieldErrors).toEqual({ customerId: [`${archived.customer.displayName} is archived. Restore the customer to invoice them.`] });
    const deletedError = await refusal(createDraft(db, draftInput(archived, { customerId: archived.kesCustomer.id, currency: "KES" }), world.actor));
    expect(deletedError.fieldErrors).toEqual({ customerId: ["That customer does not exist."] });
    expect(await counts()).toEqual(before);
  });
});

describe("editing a draft", () => {
  it("replaces every line, bumps the version and audits before and after", async () => {
    const { id } = await createDraft(db, draftInput(world), world.actor);
    const saved = await updateDraft(db, id, 1, draftInput(world, { lines: [line({ quantity: 30_000n, unitPrice: 2_500n, taxRateIds: [world.vat16.id] })] }), world.actor);
    expect(saved).toEqual({ id, version: 2 });
    const { lines, taxes } = await storedLines(id);
    expect(lines.map((l) => [l.position, l.description, l.net, l.tax, l.total])).toEqual([[0, "Widget", 7_500n, 1_200n, 8_700n]]);
    expect(taxes).toHaveLength(1);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, id));
    expect(invoice).toMatchObject({ version: 2, subtotal: 7_500n, taxTotal: 1_200n, total: 8_700n, amountDue: 8_700n });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "invoice.update")));
    expect(audit?.before).toMatchObject({ total: "52025", customerId: world.customer.id });
    expect(audit?.after).toMatchObject({ total: "8700", customerId: world.customer.id, status: "draft" });
  });

  it("refuses an edit made from an older version, and writes nothing", async () => {
    const { id } = await createDraft(db, draftInput(world), world.actor);
    await updateDraft(db, id, 1, draftInput(world, { notes: "first" }), world.actor);
    const before = await counts();
    const error = await refusal(updateDraft(db, id, 1, draftInput(world, { notes: "second" }), world.actor));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/^This invoice was changed by someone else/);
    expect(await counts()).toEqual(before);
    const [invoice] = await db.select({ notes: invoices.notes }).from(invoices).where(eq(invoices.id, id));
    expect(invoice?.notes).toBe("first");
  });

  it("keeps a refused edit from touching the stored lines", async () => {
    const { id } = await createDraft(db, draftInput(world), world.actor);
    const linesBefore = await storedLines(id);
    const error = await refusal(updateDraft(db, id, 1, draftInput(world, { lines: [line({ quantity: 0n })] }), world.actor));
    expect(error.fieldErrors).toHaveProperty(["lines.0.quantity"]);
    expect(await storedLines(id)).toEqual(linesBefore);
    const [invoice] = await db.select({ version: invoices.version }).from(invoices).where(eq(invoices.id, id));
    expect(invoice?.version).toBe(1);
  });

  it("keeps a tax rate retired and a currency confirmed since the draft was saved", async () => {
    const [rate] = await db.insert(taxRates).values({ name: "Retiring VAT", percent: "12.500" }).returning();
    const input = draftInput(world, { customerId: world.kesCustomer.id, currency: "USD", confirmCurrency: true, lines: [line({ taxRateIds: [rate!.id] })] });
    const { id } = await createDraft(db, input, world.actor);
    await db.update(taxRates).set({ active: false }).where(eq(taxRates.id, rate!.id));
    const saved = await updateDraft(db, id, 1, { ...input, confirmCurrency: false, notes: "still fine" }, world.actor);
    expect(saved.version).toBe(2);
    // a new draft may not pick the retired rate
    const error = await refusal(createDraft(db, input, world.actor));
    expect(error.fieldErrors).toEqual({ "lines.0.taxRateIds": ["Retiring VAT is inactive; choose another tax rate."] });
  });

  it("refuses to edit a finalized invoice: it changes only through a credit note", async () => {
    const { id } = await createDraft(db, draftInput(world), world.actor);
    await finalizeInvoice(db, id, world.actor);
    const before = await counts();
    const error = await refusal(updateDraft(db, id, 2, draftInput(world, { notes: "late change" }), world.actor));
    expect(error.message).toBe("This invoice is finalized, so it changes only through a credit note.");
    expect(await counts()).toEqual(before);
  });

  it("says an unknown, malformed or deleted invoice does not exist", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const error = await refusal(updateDraft(db, id, 1, draftInput(world), world.actor));
      expect(error.message).toBe("That invoice does not exist.");
    }
  });
});

describe("deleting a draft", () => {
  it("soft-deletes the draft with an audit row; its lines stay", async () => {
    const { id } = await createDraft(db, draftInput(world), world.actor);
    await deleteDraft(db, id, world.actor);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, id));
    expect(invoice?.deletedAt).toBeInstanceOf(Date);
    expect((await storedLines(id)).lines).toHaveLength(2);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "invoice.delete")));
    expect(audit[0]?.after).toMatchObject({ customerId: world.customer.id, status: "draft" });
    const again = await refusal(deleteDraft(db, id, world.actor));
    expect(again.message).toBe("That invoice does not exist.");
  });

  it("refuses to delete a finalized invoice (void it instead) and writes nothing", async () => {
    const { id } = await createDraft(db, draftInput(world), world.actor);
    await finalizeInvoice(db, id, world.actor);
    const before = await counts();
    const error = await refusal(deleteDraft(db, id, world.actor));
    expect(error.message).toBe("Only drafts can be deleted. This invoice is finalized: void it instead.");
    expect(await counts()).toEqual(before);
  });
});

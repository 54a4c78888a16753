import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { customers, invoices, invoiceTemplates, taxRates } from "@/db/schema";
import { draftToFormValues, newInvoiceFormValues, taxRatesForDraft } from "@/components/invoices/editor/form-values";
import { liveTotals } from "@/components/invoices/editor/live-totals";
import { getInvoiceDetail } from "@/lib/invoices/detail";
import { createDraft, updateDraft } from "@/lib/invoices/drafts";
import { activeTaxRates, CUSTOMER_PICKER_LIMIT, getEditorOptions, getPickerCustomer, searchCustomersForPicker } from "@/lib/invoices/editor-options";
import { invoiceDraftSchema, type InvoiceDraftFormValues } from "@/lib/invoices/schemas";
import { insertCustomers } from "../helpers/customers";
import { createTestDatabase } from "../helpers/db";
import { seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";

const { db } = await createTestDatabase();
let world: InvoiceWorld;
let ids: Record<string, string>;

beforeAll(async () => {
  world = await seedInvoiceWorld(db);
  const names = ["Editor Zeta Holdings", "Holdings of Editor", "Editor Archived Co", "Editor Deleted Co", "Percent 100% Editor", "Editor Mail Person"];
  const created = await insertCustomers(
    db,
    names.map((companyName, i) => ({
      companyName,
      email: i === 5 ? "someone@editor-mail.test" : null,
      currency: i === 1 ? "EUR" : "USD",
      paymentTerms: 7 * i,
    })),
  );
  ids = Object.fromEntries(names.map((name, i) => [name, created[i]!.id]));
  await db.update(customers).set({ status: "archived" }).where(eq(customers.id, ids["Editor Archived Co"]!));
  await db.update(customers).set({ deletedAt: new Date() }).where(eq(customers.id, ids["Editor Deleted Co"]!));
});

const namesOf = (rows: { displayName: string }[]) => rows.map((row) => row.displayName);

describe("the customer picker", () => {
  it("finds customers by name, prefix matches first, with what choosing one fills in", async () => {
    const rows = await searchCustomersForPicker(db, "editor");
    expect(namesOf(rows)).toEqual(["Editor Mail Person", "Editor Zeta Holdings", "Holdings of Editor", "Percent 100% Editor"]);
    const holdings = rows.find((row) => row.displayName === "Holdings of Editor");
    expect(holdings).toEqual({
      id: ids["Holdings of Editor"],
      number: expect.stringMatching(/^CUST-/),
      displayName: "Holdings of Editor",
      email: null,
      currency: "EUR",
      paymentTerms: 7,
    });
  });

  it("finds them by number and email too, never archived or deleted ones", async () => {
    const [zeta] = await db.select({ number: customers.number }).from(customers).where(eq(customers.id, ids["Editor Zeta Holdings"]!));
    expect(namesOf(await searchCustomersForPicker(db, zeta!.number.toLowerCase()))).toEqual(["Editor Zeta Holdings"]);
    expect(namesOf(await searchCustomersForPicker(db, "EDITOR-MAIL.test"))).toEqual(["Editor Mail Person"]);
    expect(await searchCustomersForPicker(db, "Archived Co")).toEqual([]);
    expect(await searchCustomersForPicker(db, "Deleted Co")).toEqual([]);
  });

  it("takes % and _ literally and lists at most a page of customers for an empty search", async () => {
    expect(namesOf(await searchCustomersForPicker(db, "100%"))).toEqual(["Percent 100% Editor"]);
    expect(await searchCustomersForPicker(db, "Editor_Zeta")).toEqual([]);
    const all = await searchCustomersForPicker(db, "   ");
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(CUSTOMER_PICKER_LIMIT);
  });

  it("loads a preselected customer only while it can be invoiced; a saved draft's even if archived since", async () => {
    expect(await getPickerCustomer(db, world.customer.id)).toMatchObject({ id: world.customer.id, currency: "USD", paymentTerms: 30 });
    expect(await getPickerCustomer(db, ids["Editor Archived Co"]!)).toBeNull();
    expect(await getPickerCustomer(db, ids["Editor Archived Co"]!, { includeArchived: true })).toMatchObject({ displayName: "Editor Archived Co" });
    expect(await getPickerCustomer(db, ids["Editor Deleted Co"]!, { includeArchived: true })).toBeNull();
    expect(await getPickerCustomer(db, crypto.randomUUID())).toBeNull();
  });
});

describe("editor options", () => {
  it("offers active tax rates with exact percents and the compound flag", async () => {
    const [retired] = await db.insert(taxRates).values({ name: "Editor retired levy", percent: "3.000", active: false }).returning();
    const rates = await activeTaxRates(db);
    expect(rates.find((rate) => rate.name === "Sales tax 8.875%")).toMatchObject({ percent: 8875n, compound: false });
    expect(rates.find((rate) => rate.id === world.exciseCompound.id)).toEqual({
      id: world.exciseCompound.id,
      name: world.exciseCompound.name,
      percent: 10000n,
      compound: true,
    });
    expect(rates.map((rate) => rate.id)).not.toContain(retired!.id);
  });

  it("lists live templates, the default first, and the company's currency and terms", async () => {
    await db.insert(invoiceTemplates).values([
      { name: "Alpha", defaultNotes: "Alpha notes" },
      { name: "Zulu", isDefault: true, defaultNotes: "Thank you!", defaultTerms: "Pay within 30 days." },
      { name: "Gone", deletedAt: new Date() },
    ]);
    const options = await getEditorOptions(db);
    expect(options.templates.map((template) => template.name)).toEqual(["Zulu", "Alpha"]);
    expect(options.templates[0]).toEqual({
      id: expect.any(String),
      name: "Zulu",
      isDefault: true,
      defaultNotes: "Thank you!",
      defaultTerms: "Pay within 30 days.",
    });
    expect(options).toMatchObject({ defaultCurrency: "USD", defaultPaymentTerms: 30 });

    const values = newInvoiceFormValues({ today: "2026-05-01", ...options, customer: null });
    expect(values).toMatchObject({ templateId: options.templates[0]!.id, notes: "Thank you!", terms: "Pay within 30 days.", dueDate: "2026-05-31" });
  });
});

describe("a draft through the editor and back", () => {
  it("reloads a saved draft as the text it was typed as, with live totals equal to the stored ones", async () => {
    const rates = await activeTaxRates(db);
    const typed: InvoiceDraftFormValues = {
      ...newInvoiceFormValues({ today: "2026-05-01", defaultCurrency: "USD", defaultPaymentTerms: 30, templates: [], customer: null }),
      customerId: world.customer.id,
      poNumber: "PO-9",
      discountKind: "fixed",
      discountValue: "12.34",
      notes: "Thanks",
      lines: [
        {
          productId: world.product.id,
          description: "Consulting",
          unit: "hour",
          quantity: "2.5",
          unitPrice: "150.00",
          discountPercent: "",
          taxRateIds: [world.vat16.id],
        },
        {
          productId: "",
          description: "Hosting",
          unit: "",
          quantity: "1",
          unitPrice: "99.99",
          discountPercent: "8.875",
          taxRateIds: [world.vat16.id, world.exciseCompound.id],
        },
      ],
    };
    const { id, version } = await createDraft(db, invoiceDraftSchema.parse(typed), world.actor);
    const detail = await getInvoiceDetail(db, id);
    const reloaded = draftToFormValues(detail!);
    expect(reloaded).toEqual(typed);

    const [stored] = await db.select().from(invoices).where(eq(invoices.id, id));
    const live = liveTotals(reloaded, taxRatesForDraft(rates, detail));
    expect(live.uncounted).toEqual([]);
    expect(live.calculation).toMatchObject({
      subtotal: stored!.subtotal,
      documentDiscount: stored!.discountTotal,
      tax: stored!.taxTotal,
      total: stored!.total,
    });

    // saving the reloaded form unchanged changes no figure
    const saved = await updateDraft(db, id, version, invoiceDraftSchema.parse(reloaded), world.actor);
    const [after] = await db.select().from(invoices).where(eq(invoices.id, id));
    expect(saved.version).toBe(version + 1);
    expect([after!.subtotal, after!.discountTotal, after!.taxTotal, after!.total]).toEqual([
      stored!.subtotal,
      stored!.discountTotal,
      stored!.taxTotal,
      stored!.total,
    ]);
  });

  it("still offers a tax rate the draft uses after it is retired, marked, with the same totals", async () => {
    const [levy] = await db.insert(taxRates).values({ name: "Editor levy", percent: "2.500", compound: true }).returning();
    const typed: InvoiceDraftFormValues = {
      ...newInvoiceFormValues({ today: "2026-05-01", defaultCurrency: "USD", defaultPaymentTerms: 30, templates: [], customer: null }),
      customerId: world.customer.id,
      lines: [{ productId: "", description: "Work", unit: "", quantity: "3", unitPrice: "33.33", discountPercent: "", taxRateIds: [world.vat16.id, levy!.id] }],
    };
    const { id } = await createDraft(db, invoiceDraftSchema.parse(typed), world.actor);
    await db
      .update(taxRates)
      .set({ active: false })
      .where(inArray(taxRates.id, [levy!.id]));

    const detail = await getInvoiceDetail(db, id);
    const rates = taxRatesForDraft(await activeTaxRates(db), detail);
    expect(rates.find((rate) => rate.id === levy!.id)).toEqual({ id: levy!.id, name: "Editor levy", percent: 2500n, compound: true, retired: true });
    const live = liveTotals(draftToFormValues(detail!), rates);
    expect(live.calculation?.total).toBe(detail!.invoice.total);
  });
});

import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, customers, invoiceLines, invoiceLineTaxes, invoices, invoiceTemplates, payments, products, taxRates } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import { todayIso } from "@/lib/invoices/dates";
import { displayStatus } from "@/lib/invoices/status";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
const lines: string[] = [];
const seeded = await seedIfEmpty(db, (line) => lines.push(line), { sampleData: true });

describe("demo seed with sample data", () => {
  it("seeds once, and says so", async () => {
    expect(seeded).toBe(true);
    expect(lines.join("\n")).toContain("Sample customers, products and invoices");
    expect(await seedIfEmpty(db, () => {}, { sampleData: true })).toBe(false);
    const [row] = await db.select({ n: count() }).from(invoices);
    expect(row?.n).toBe(8);
  });

  it("has invoices in every status a newcomer should see, overdue included", async () => {
    const rows = await db.select().from(invoices);
    const shown = new Set(rows.map((invoice) => displayStatus(invoice, todayIso())));
    for (const status of ["draft", "sent", "viewed", "partial", "paid", "overdue", "void"]) expect(shown, status).toContain(status);
    const overdue = rows.find((invoice) => displayStatus(invoice, todayIso()) === "overdue");
    expect(overdue).toMatchObject({ status: "sent" });
    expect(overdue!.dueDate < todayIso()).toBe(true);
  });

  it("numbers every finalized invoice in issue-date order and leaves the draft without one", async () => {
    const rows = await db.select().from(invoices).orderBy(invoices.issueDate);
    const numbered = rows.filter((invoice) => invoice.status !== "draft");
    expect(numbered.every((invoice) => /^INV-/.test(invoice.number ?? ""))).toBe(true);
    expect(numbered.map((invoice) => invoice.number)).toEqual(numbered.map((invoice) => invoice.number).toSorted());
    expect(rows.filter((invoice) => invoice.status === "draft").map((invoice) => invoice.number)).toEqual([null]);
  });

  it("keeps balances derived from real payments", async () => {
    const rows = await db.select().from(invoices);
    for (const invoice of rows) expect(invoice.amountDue).toBe(invoice.total - invoice.amountCredited - invoice.amountPaid);
    const partial = rows.find((invoice) => invoice.status === "partial")!;
    expect(partial.amountPaid > 0n && partial.amountDue > 0n).toBe(true);
    const paid = rows.filter((invoice) => invoice.status === "paid");
    expect(paid.length).toBeGreaterThanOrEqual(1);
    for (const invoice of paid) expect(invoice).toMatchObject({ amountDue: 0n, amountPaid: invoice.total });
    const [received] = await db.select({ n: count() }).from(payments);
    expect(received?.n).toBe(paid.length + 1);
    const voided = rows.find((invoice) => invoice.status === "void")!;
    expect(voided).toMatchObject({ amountPaid: 0n, voidReason: expect.stringContaining("wrong clinic branch") });
  });

  it("charges the 16% VAT on the Kenyan invoices and uses the default Standard template", async () => {
    const [vat] = await db.select().from(taxRates).where(eq(taxRates.name, "VAT 16%"));
    const kes = await db.select().from(invoices).where(eq(invoices.currency, "KES"));
    expect(kes.length).toBeGreaterThan(0);
    const kesLines = await db.select({ id: invoiceLines.id }).from(invoiceLines).where(inArray(invoiceLines.invoiceId, kes.map((invoice) => invoice.id)));
    const taxed = await db
      .select({ n: count() })
      .from(invoiceLineTaxes)
      .where(and(inArray(invoiceLineTaxes.lineId, kesLines.map((line) => line.id)), eq(invoiceLineTaxes.taxRateId, vat!.id)));
    expect(taxed[0]?.n).toBe(kesLines.length);
    expect(kes.every((invoice) => invoice.taxTotal > 0n)).toBe(true);

    const templates = await db.select().from(invoiceTemplates);
    expect(templates).toHaveLength(1);
    expect(templates[0]).toMatchObject({ name: "Standard", isDefault: true });
    const all = await db.select({ templateId: invoices.templateId }).from(invoices);
    expect(all.every((invoice) => invoice.templateId === templates[0]!.id)).toBe(true);
  });

  it("creates customers and products through the audited domain commands", async () => {
    const [customerCount] = await db.select({ n: count() }).from(customers);
    const [productCount] = await db.select({ n: count() }).from(products);
    expect(customerCount?.n).toBe(5);
    expect(productCount?.n).toBe(6);
    const actions = await db.select({ action: auditLog.action, n: count() }).from(auditLog).groupBy(auditLog.action);
    const audited = Object.fromEntries(actions.map((row) => [row.action, row.n]));
    expect(audited).toMatchObject({ "customer.created": 5, "product.created": 6, "invoice.create": 8, "invoice.finalize": 7, "invoice.void": 1, "payment.record": 3 });
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { companySettings, invoices, invoiceTemplates } from "@/db/schema";
import { createCreditNote } from "@/lib/credit-notes/create";
import { createDraft } from "@/lib/invoices/drafts";
import { publicTokenFor } from "@/lib/invoices/public-link";
import { publicTokenOpens } from "@/lib/pdf/access";
import { loadCreditNotePdfData, loadInvoicePdfData } from "@/lib/pdf/load";
import { renderCreditNotePdf, renderInvoicePdf } from "@/lib/pdf/render";
import { createTestDatabase } from "../helpers/db";
import { createFinalizedInvoice, draftInput, seedInvoiceWorld, type InvoiceWorld } from "../helpers/invoices";
import { pdfImageCount, pdfText, RED_DOT_PNG } from "../unit/pdf-fixtures";

const { db } = await createTestDatabase();
const APP_URL = "https://billing.acaciaclean.co.ke/";
let world: InvoiceWorld;
let templateId: string;

beforeAll(async () => {
  world = await seedInvoiceWorld(db);
  await db.update(companySettings).set({
    legalName: "Acacia Cleaning Services Ltd",
    street: "Ngong Road 112",
    city: "Nairobi",
    postalCode: "00200",
    country: "KE",
    phone: "+254 20 765 4321",
    logo: RED_DOT_PNG,
    logoMime: "image/png",
  });
  const [template] = await db
    .insert(invoiceTemplates)
    .values({ name: "Lean", accentColor: "#0f766e", showLogo: false, columns: ["quantity", "tax"], footerText: "Reg. PVT-2019-44821 · Thank you" })
    .returning();
  templateId = template!.id;
});

describe("loading an invoice for its PDF", () => {
  it("brings the invoice, the company from settings, the public link and how to pay", async () => {
    const invoice = await createFinalizedInvoice(db, world);
    const data = await loadInvoicePdfData(db, invoice.id, APP_URL);
    expect(data).not.toBeNull();
    if (!data) return;

    expect(data.detail.invoice.number).toBe(invoice.number);
    expect(data.publicUrl).toBe(`https://billing.acaciaclean.co.ke/i/${publicTokenFor(invoice)}`);
    expect(data.company).toMatchObject({ legalName: "Acacia Cleaning Services Ltd", addressLines: ["Ngong Road 112", "Nairobi 00200", "Kenya"], email: "billing@demo.cleanpay.test" });
    expect(data.company.logo?.mime).toBe("image/png");
    expect(data.paymentInstructions).toEqual([
      `Pay online: ${data.publicUrl}`,
      `Please quote ${invoice.number} with your payment.`,
      "For bank transfer details or any question about this invoice, email billing@demo.cleanpay.test.",
    ]);

    const pdf = await renderInvoicePdf(data);
    const text = pdfText(pdf);
    expect(text).toContain(invoice.number!);
    expect(text).toContain(world.customer.displayName);
    expect(text).toContain("Consulting");
    expect(text).toContain("Hosting");
    // draftInput's figures: subtotal 434.99, tax 85.26, total 520.25
    expect(text).toContain("Subtotal $434.99 Tax $85.26 Total $520.25");
    expect(text).toContain("Amount due $520.25");
    expect(text).toContain(`Pay online: ${data.publicUrl} `);
    // the logo and the QR code
    expect(pdfImageCount(pdf)).toBe(2);
  });

  it("applies the invoice's template", async () => {
    const invoice = await createFinalizedInvoice(db, world, { templateId });
    const data = await loadInvoicePdfData(db, invoice.id, APP_URL);
    expect(data?.detail.template?.id).toBe(templateId);
    const pdf = await renderInvoicePdf(data!);
    const text = pdfText(pdf);
    expect(text).toContain("Description Qty Tax Amount");
    expect(text).not.toContain("Unit price");
    expect(text).toContain("Reg. PVT-2019-44821 · Thank you");
    // showLogo is off: the QR code is the only image
    expect(pdfImageCount(pdf)).toBe(1);
  });

  it("prints a draft as DRAFT, without its public link", async () => {
    const { id } = await createDraft(db, draftInput(world), world.actor);
    const data = await loadInvoicePdfData(db, id, APP_URL);
    expect(data?.paymentInstructions.some((line) => line.startsWith("Pay online"))).toBe(false);
    const text = pdfText(await renderInvoicePdf(data!));
    expect(text).toContain("INVOICE DRAFT");
    expect(text).not.toContain("Pay online");
  });

  it("finds nothing for an unknown, malformed or deleted invoice", async () => {
    expect(await loadInvoicePdfData(db, "00000000-0000-4000-8000-000000000000", APP_URL)).toBeNull();
    expect(await loadInvoicePdfData(db, "not-a-uuid", APP_URL)).toBeNull();
    const invoice = await createFinalizedInvoice(db, world);
    await db.update(invoices).set({ deletedAt: new Date() }).where(eq(invoices.id, invoice.id));
    expect(await loadInvoicePdfData(db, invoice.id, APP_URL)).toBeNull();
  });
});

describe("opening a PDF with a public link token", () => {
  it("opens only the invoice the token names, and never a draft", async () => {
    const first = await createFinalizedInvoice(db, world);
    const second = await createFinalizedInvoice(db, world);
    const token = publicTokenFor(first);

    expect(await publicTokenOpens(db, token, first.id)).toBe(true);
    expect(await publicTokenOpens(db, token, second.id)).toBe(false);
    expect(await publicTokenOpens(db, null, first.id)).toBe(false);
    const tampered = `${token.slice(0, 30)}${token[30] === "A" ? "B" : "A"}${token.slice(31)}`;
    expect(await publicTokenOpens(db, tampered, first.id)).toBe(false);
    expect(await publicTokenOpens(db, "../../etc/passwd", first.id)).toBe(false);

    const { id: draftId } = await createDraft(db, draftInput(world), world.actor);
    const [draft] = await db.select().from(invoices).where(eq(invoices.id, draftId));
    expect(await publicTokenOpens(db, publicTokenFor(draft!), draftId)).toBe(false);

    // a new nonce revokes the old link
    await db.update(invoices).set({ publicLinkNonce: "fedcba9876543210fedcba9876543210" }).where(eq(invoices.id, first.id));
    expect(await publicTokenOpens(db, token, first.id)).toBe(false);
  });
});

describe("loading a credit note for its PDF", () => {
  it("brings the note, its invoice's template and the company, and prints them", async () => {
    const invoice = await createFinalizedInvoice(db, world, { templateId });
    const { id, number } = await createCreditNote(db, { invoiceId: invoice.id, reason: "Hosting was not delivered in March.", lines: "all", excess: "credit" }, world.actor);
    const data = await loadCreditNotePdfData(db, id);
    expect(data?.template?.id).toBe(templateId);
    expect(data?.company.legalName).toBe("Acacia Cleaning Services Ltd");

    const text = pdfText(await renderCreditNotePdf(data!));
    expect(text).toContain(`CREDIT NOTE ${number}`);
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(text).toContain(world.customer.displayName);
    expect(text).toContain("Consulting");
    expect(text).toContain("Hosting");
    expect(text).toContain("Total credited $520.25");
    expect(text).toContain(`Applied to ${invoice.number} -$520.25`);
    expect(text).toContain("Hosting was not delivered in March.");

    expect(await loadCreditNotePdfData(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

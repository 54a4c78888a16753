import { describe, expect, it } from "vitest";
import { renderInvoicePdf } from "@/lib/pdf/render";
import { LEVY, pdfData, pdfImageCount, pdfPages, pdfText, RED_DOT_PNG, VAT, type LineSpec } from "./pdf-fixtures";

// 12 h × 64.50 = 774.00 less 7.5% = 715.95, VAT 114.55, levy 14.32; 3 × 210.00 = 630.00, VAT 100.80.
// Subtotal 1,345.95, tax 229.67, total 1,575.62.
const lines: LineSpec[] = [
  { description: "Post-event venue clean, Sarit Expo Hall B", quantity: "12", unit: "hr", unitPrice: "64.50", discount: "7.5", taxes: [VAT, LEVY] },
  { description: "Waste removal and recycling sort", quantity: "3", unit: "load", unitPrice: "210.00", taxes: [VAT] },
];
const logo = { bytes: RED_DOT_PNG, mime: "image/png" };

describe("invoice PDF and its template", () => {
  it("prints only the columns the template shows", async () => {
    const all = pdfText(await renderInvoicePdf(pdfData({ lines })));
    expect(all).toContain("Subtotal $1,345.95 Tax $229.67 Total $1,575.62");
    expect(all).toContain("Description Qty Unit Unit price Discount Tax Amount");
    expect(all).toContain("$64.50");
    expect(all).toContain("7.5%");

    const lean = pdfText(await renderInvoicePdf(pdfData({ lines, template: { columns: ["quantity"] } })));
    expect(lean).toContain("Description Qty Amount");
    expect(lean).not.toContain("Unit price");
    expect(lean).not.toContain("Discount");
    expect(lean).not.toContain("$64.50");
    expect(lean).not.toContain("7.5%");
    expect(lean).not.toContain(" hr ");
    // the line amounts and the tax summary stay
    expect(lean).toContain("$715.95");
    expect(lean).toContain("VAT 16%");
  });

  it("shows the logo only when the template says so", async () => {
    // the QR code of the public page is the other image
    expect(pdfImageCount(await renderInvoicePdf(pdfData({ lines })))).toBe(1);
    const withLogo = (showLogo: boolean) => pdfData({ lines, template: { showLogo } });
    const shown = withLogo(true);
    shown.company.logo = logo;
    const hidden = withLogo(false);
    hidden.company.logo = logo;
    expect(pdfImageCount(await renderInvoicePdf(shown))).toBe(2);
    expect(pdfImageCount(await renderInvoicePdf(hidden))).toBe(1);
  });

  it("leaves out an SVG logo (react-pdf draws PNG and JPEG only) but still names the company", async () => {
    const data = pdfData({ lines });
    data.company.logo = { bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'), mime: "image/svg+xml" };
    const pdf = await renderInvoicePdf(data);
    expect(pdfImageCount(pdf)).toBe(1);
    expect(pdfText(pdf)).toContain("Acacia Cleaning Services Ltd");
  });

  it("prints the header text once and the footer text on every page", async () => {
    const many: LineSpec[] = Array.from({ length: 70 }, (_, i) => ({ description: `Night shift cleaning, week ${i + 1}`, quantity: "5", unit: "night", unitPrice: "120.00", taxes: [VAT] }));
    const text = pdfText(
      await renderInvoicePdf(pdfData({ lines: many, template: { headerText: "Certified ISO 14001 green cleaning", footerText: "Acacia Cleaning Services Ltd · Reg. PVT-2019-44821" } })),
    );
    const pages = pdfPages(text);
    expect(pages.length).toBeGreaterThan(1);
    expect(text.split("Certified ISO 14001 green cleaning").length - 1).toBe(1);
    for (const page of pages) expect(page).toContain("Acacia Cleaning Services Ltd · Reg. PVT-2019-44821");
  });

  it("falls back to every column and the logo without a template", async () => {
    const data = pdfData({ lines, template: null });
    data.company.logo = logo;
    const pdf = await renderInvoicePdf(data);
    expect(pdfText(pdf)).toContain("Description Qty Unit Unit price Discount Tax Amount");
    expect(pdfImageCount(pdf)).toBe(2);
  });
});

describe("invoice PDF by status", () => {
  it("prints DRAFT and no number for a draft, with no QR code or online payment link", async () => {
    const pdf = await renderInvoicePdf(pdfData({ lines, status: "draft" }, { paymentInstructions: ["Please quote the invoice number with your payment."] }));
    const text = pdfText(pdf);
    expect(text).toContain("INVOICE DRAFT");
    expect(text).not.toMatch(/INV-\d/);
    expect(text).toContain("DRAFT · Page 1 of 1");
    expect(text).not.toContain("Pay online");
    expect(pdfImageCount(pdf)).toBe(0);
  });

  it("asks for nothing once paid", async () => {
    const paid = pdfData({ lines, status: "paid", paid: "1,575.62" });
    expect(paid.detail.invoice.amountDue).toBe(0n);
    const pdf = await renderInvoicePdf(paid);
    const text = pdfText(pdf);
    expect(text).toContain("PAID");
    expect(text).toContain("Amount paid -$1,575.62");
    expect(text).toContain("Amount due $0.00");
    expect(text).not.toContain("HOW TO PAY");
    expect(pdfImageCount(pdf)).toBe(0);
  });

  it("marks an overdue invoice and shows what was credited", async () => {
    const data = pdfData({ lines, status: "sent", credited: "200.00", paid: "300.00" });
    data.detail.displayStatus = "overdue";
    const text = pdfText(await renderInvoicePdf(data));
    expect(text).toContain("OVERDUE");
    expect(text).toContain("Amount credited -$200.00");
    expect(text).toContain("Amount due $1,075.62");
    expect(text).toContain("HOW TO PAY");
  });

  it("prints VOID and the reason on a voided invoice", async () => {
    const data = pdfData({ lines, status: "void" });
    data.detail.invoice.voidReason = "Issued to the wrong branch; replaced by INV-2026-00043.";
    const text = pdfText(await renderInvoicePdf(data));
    expect(text).toContain("VOID");
    expect(text).toContain("Issued to the wrong branch; replaced by INV-2026-00043.");
    expect(text).not.toContain("HOW TO PAY");
  });
});

import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/money";
import { renderInvoicePdf } from "@/lib/pdf/render";
import { LEVY, pdfData, pdfPages, pdfText, PUBLIC_URL, VAT, type LineSpec } from "./pdf-fixtures";

// The PDF is read back with poppler's pdftotext, as a person copying text out of it would.

const cleaningLines: LineSpec[] = [
  { description: "Office deep clean — 3rd floor, Westlands branch", quantity: "1", unit: "job", unitPrice: "1,850.00", taxes: [VAT] },
  { description: "Carpet shampoo and stain treatment", quantity: "240", unit: "m²", unitPrice: "2.75", discount: "10", taxes: [VAT] },
  { description: "Window cleaning, exterior (rope access)", quantity: "18.5", unit: "hr", unitPrice: "42.00", taxes: [VAT, LEVY] },
  { description: "Consumables: eco detergent, microfibre cloths", quantity: "1", unitPrice: "126.40" },
];

describe("invoice PDF text", () => {
  it("holds the number, the customer, every line description and the formatted totals", async () => {
    const data = pdfData({ lines: cleaningLines, discountPercent: "5", paid: "500.00", poNumber: "PO-77812", notes: "Thank you for choosing Acacia." });
    const { invoice } = data.detail;
    const text = pdfText(await renderInvoicePdf(data));

    expect(text).toContain("INV-2026-00042");
    expect(text).toContain("Savannah Logistics Ltd");
    expect(text).toContain("Acacia Cleaning Services Ltd");
    for (const line of cleaningLines) expect(text).toContain(line.description);
    for (const amount of [invoice.subtotal, -invoice.discountTotal, invoice.taxTotal, invoice.total, -invoice.amountPaid, invoice.amountDue]) {
      expect(text).toContain(formatMoney(amount, "USD"));
    }
    // the figures themselves, worked out by hand from the lines above
    expect(formatMoney(invoice.subtotal, "USD")).toBe("$3,347.40");
    expect(text).toContain("Discount (5%)");
    expect(text).toContain("VAT 16%");
    expect(text).toContain("Tourism levy 2%");
    expect(text).toContain("PO-77812");
    expect(text).toContain("Mar 2, 2026");
    expect(text).toContain("Apr 1, 2026");
    expect(text).toContain("Nairobi 00100");
    expect(text).toContain("Kenya");
    expect(text).toContain("Thank you for choosing Acacia.");
    // whole, with no hyphen or break inside it
    expect(text).toContain(`Pay online: ${PUBLIC_URL} `);
    expect(text).toContain("INV-2026-00042 · Page 1 of 1");
  });

  // a long render: give it room on a busy CI machine
  it("runs a 200-line invoice over several pages with the column header on each and Page x of N", { timeout: 120_000 }, async () => {
    const lines: LineSpec[] = Array.from({ length: 200 }, (_, i) => ({
      description: `Scheduled cleaning visit ${String(i + 1).padStart(3, "0")} — ${["reception", "kitchen", "washrooms", "boardroom"][i % 4]}`,
      quantity: String(1 + (i % 4)),
      unit: "visit",
      unitPrice: "35.00",
      taxes: [VAT],
    }));
    const text = pdfText(await renderInvoicePdf(pdfData({ lines })));
    const pages = pdfPages(text);

    expect(pages.length).toBeGreaterThan(3);
    expect(text.split("\f").length - 1).toBe(pages.length);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      // every page that carries lines carries the repeated header row with it
      if (page.includes("Scheduled cleaning visit")) {
        expect(page).toContain("Description");
        expect(page).toContain("Unit price");
        expect(page).toContain("Amount");
      }
    });
    expect(pages.filter((page) => page.includes("Unit price")).length).toBeGreaterThanOrEqual(pages.length - 1);
    for (let i = 1; i <= 200; i++) expect(text).toContain(`Scheduled cleaning visit ${String(i).padStart(3, "0")}`);
    expect(pages.at(-1)).toContain("Amount due");
  });

  it("formats a zero-decimal currency (JPY) and a three-decimal one (KWD)", async () => {
    const yen = pdfText(
      await renderInvoicePdf(pdfData({ currency: "JPY", lines: [{ description: "Hotel lobby marble polishing", quantity: "3", unit: "room", unitPrice: "48,500", taxes: [{ ...VAT, percent: "10" }] }] })),
    );
    expect(yen).toContain("¥48,500");
    expect(yen).toContain("¥145,500");
    expect(yen).toContain("¥14,550");
    expect(yen).toContain("¥160,050");
    expect(yen).not.toMatch(/¥[\d,]+\.\d/);

    const dinar = pdfText(
      await renderInvoicePdf(pdfData({ currency: "KWD", lines: [{ description: "Villa post-construction clean", quantity: "2.5", unit: "day", unitPrice: "87.125" }] })),
    );
    expect(dinar).toContain("KWD 87.125");
    expect(dinar).toContain("KWD 217.813");
  });
});

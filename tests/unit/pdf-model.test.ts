import { describe, expect, it } from "vitest";
import { breakOnlyOverlongWords } from "@/lib/pdf/fonts";
import { addressLines, countryName, formatPdfDate, taxLabel } from "@/lib/pdf/format";
import { pdfFilename, pdfNotFound, pdfResponse } from "@/lib/pdf/http";
import { invoiceColumns, invoiceRows, invoiceTotals, isPayable } from "@/lib/pdf/invoice-model";
import { paymentInstructions } from "@/lib/pdf/load";
import { DEFAULT_ACCENT, lookFromTemplate } from "@/lib/pdf/look";
import { invoiceDetail, pdfData, template, VAT } from "./pdf-fixtures";

describe("PDF wording", () => {
  it("formats calendar dates without a time zone shift", () => {
    expect(formatPdfDate("2026-01-01")).toBe("Jan 1, 2026");
    expect(formatPdfDate("2026-12-31")).toBe("Dec 31, 2026");
  });

  it("prints addresses line by line and names countries", () => {
    expect(addressLines({ street: "Mombasa Road\nBlock C", city: "Nairobi", region: "Nairobi County", postalCode: "00100", country: "KE" })).toEqual([
      "Mombasa Road",
      "Block C",
      "Nairobi, Nairobi County 00100",
      "Kenya",
    ]);
    expect(addressLines({ street: null, city: null, region: null, postalCode: null, country: null })).toEqual([]);
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("Atlantis")).toBe("Atlantis");
    expect(taxLabel({ name: "Sales tax", percent: "8.875" })).toBe("Sales tax 8.875%");
  });

  it("orders the template's columns and always ends with the amount", () => {
    const keys = (columns: string[]) => invoiceColumns(lookFromTemplate(template({ columns }))).map((column) => column.key);
    expect(keys(["tax", "quantity", "unit_price"])).toEqual(["quantity", "unit_price", "tax", "amount"]);
    expect(keys([])).toEqual(["amount"]);
    expect(keys(["quantity", "no_such_column"])).toEqual(["quantity", "amount"]);
    expect(invoiceColumns(lookFromTemplate(null)).map((column) => column.key)).toEqual(["quantity", "unit", "unit_price", "discount", "tax", "amount"]);
    expect(lookFromTemplate(null).accentColor).toBe(DEFAULT_ACCENT);
  });

  it("shows a line's quantity, discount and taxes as written, and its net as the amount", () => {
    const detail = invoiceDetail({
      currency: "KWD",
      lines: [{ description: "Façade wash", quantity: "0.25", unit: "day", unitPrice: "420.500", discount: "12.5", taxes: [VAT, { ...VAT, id: "7d3c2a1e-0000-4000-8000-000000000099", name: "Municipal fee", percent: "0.5" }] }],
    });
    expect(invoiceRows(detail)[0]?.cells).toEqual({
      quantity: "0.25",
      unit: "day",
      // Intl separates a currency code from the amount with a no-break space
      unit_price: "KWD\u00a0420.500",
      discount: "12.5%",
      tax: "VAT 16%\nMunicipal fee 0.5%",
      amount: "KWD\u00a091.984",
    });
  });

  it("lists paid and credited amounts only when there are some", () => {
    const lines = [{ description: "Deep clean", quantity: "1", unitPrice: "100.00" }];
    expect(invoiceTotals(invoiceDetail({ lines })).map((row) => row.label)).toEqual(["Subtotal", "Tax", "Total", "Amount due"]);
    expect(invoiceTotals(invoiceDetail({ lines, discountPercent: "10", paid: "20", credited: "5" })).map((row) => `${row.label} ${row.value}`)).toEqual([
      "Subtotal $100.00",
      "Discount (10%) -$10.00",
      "Tax $0.00",
      "Total $90.00",
      "Amount paid -$20.00",
      "Amount credited -$5.00",
      "Amount due $65.00",
    ]);
    expect(isPayable(invoiceDetail({ lines, status: "void" }))).toBe(false);
    expect(isPayable(invoiceDetail({ lines, status: "paid", paid: "100" }))).toBe(false);
    expect(isPayable(invoiceDetail({ lines, status: "partial", paid: "40" }))).toBe(true);
  });

  it("offers the public link except on a draft, and the company email for other ways to pay", () => {
    const lines = [{ description: "Deep clean", quantity: "1", unitPrice: "100.00" }];
    const { company } = pdfData({ lines });
    const url = "https://billing.example.com/i/token";
    expect(paymentInstructions(invoiceDetail({ lines }), company, url)).toEqual([
      "Pay online: https://billing.example.com/i/token",
      "Please quote INV-2026-00042 with your payment.",
      "For bank transfer details or any question about this invoice, email billing@acaciaclean.co.ke.",
    ]);
    expect(paymentInstructions(invoiceDetail({ lines, status: "draft" }), { ...company, email: null }, url)).toEqual([
      "Please quote the invoice number with your payment.",
    ]);
  });
});

describe("line breaking", () => {
  it("never breaks an ordinary word, number or amount, only one too long for any column", () => {
    for (const word of ["INV-2026-00042", "$1,234,567.89", "KWD\u00a0217.813", "consumables"]) expect(breakOnlyOverlongWords(word)).toEqual([word]);
    expect(breakOnlyOverlongWords("Supercalifragilisticexpialidocious")).toEqual(["Supercalifra", "gilisticexpi", "alidocious"]);
  });
});

describe("PDF responses", () => {
  it("names the file by number, or a draft by its id", () => {
    expect(pdfFilename({ id: "5f0c8a9e-2b7d-4e3f-8a1b-6c5d4e3f2a1b", number: "INV-2026-00042" })).toBe("INV-2026-00042.pdf");
    expect(pdfFilename({ id: "5f0c8a9e-2b7d-4e3f-8a1b-6c5d4e3f2a1b", number: null })).toBe("draft-5f0c8a9e.pdf");
    expect(pdfFilename({ id: "x", number: 'INV/2026 "7"' })).toBe("INV-2026-7-.pdf");
  });

  it("sends a private, uncached download or an inline preview", async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const download = pdfResponse(bytes, "INV-2026-00042.pdf", false);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("Content-Disposition")).toBe('attachment; filename="INV-2026-00042.pdf"');
    expect(download.headers.get("Cache-Control")).toBe("private, no-store");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    expect(pdfResponse(bytes, "a.pdf", true).headers.get("Content-Disposition")).toBe('inline; filename="a.pdf"');
    expect(pdfNotFound().status).toBe(404);
  });
});

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Invoice, InvoiceTemplate } from "@/db/schema";
import { calculateInvoice } from "@/lib/invoices/calculate";
import type { InvoiceDetail, InvoiceDetailLine } from "@/lib/invoices/detail-types";
import { displayStatus } from "@/lib/invoices/status";
import { parseMoney, parsePercent } from "@/lib/money";
import type { InvoicePdfData } from "@/lib/pdf/types";
import { parseQuantity } from "@/lib/quantity";

/**
 * Builds the PDF's input by hand, with figures from the real calculation (lib/invoices/calculate)
 * so the totals the tests look for are the ones an invoice would store.
 */

export type TaxSpec = { id: string; name: string; percent: string; compound?: boolean };
export type LineSpec = { description: string; quantity: string; unitPrice: string; unit?: string; discount?: string; taxes?: TaxSpec[] };

export const VAT: TaxSpec = { id: "7d3c2a1e-0000-4000-8000-000000000016", name: "VAT", percent: "16" };
export const LEVY: TaxSpec = { id: "7d3c2a1e-0000-4000-8000-000000000002", name: "Tourism levy", percent: "2" };

export type InvoiceSpec = {
  currency?: string;
  number?: string | null;
  status?: Invoice["status"];
  lines: LineSpec[];
  discountPercent?: string;
  paid?: string;
  credited?: string;
  template?: Partial<InvoiceTemplate> | null;
  notes?: string | null;
  terms?: string | null;
  poNumber?: string | null;
};

const money = (text: string, currency: string) => {
  const parsed = parseMoney(text, currency);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.minor;
};

const stored = (percent: string) => `${parsePercent(percent) / 1000n}.${(parsePercent(percent) % 1000n).toString().padStart(3, "0")}`;

export function template(overrides: Partial<InvoiceTemplate> = {}): InvoiceTemplate {
  const at = new Date("2026-01-05T09:00:00Z");
  return {
    id: "3b1f6c52-5d0e-4c1a-9b8e-1f2a3b4c5d6e",
    name: "Standard",
    isDefault: true,
    accentColor: "#0f766e",
    showLogo: true,
    headerText: null,
    footerText: null,
    columns: ["quantity", "unit", "unit_price", "discount", "tax"],
    defaultNotes: null,
    defaultTerms: null,
    createdBy: null,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    ...overrides,
  };
}

export function invoiceDetail(spec: InvoiceSpec): InvoiceDetail {
  const currency = spec.currency ?? "USD";
  const status = spec.status ?? "sent";
  const inputs = spec.lines.map((line) => ({
    quantity: parseQuantity(line.quantity),
    unitPrice: money(line.unitPrice, currency),
    discountPercent: line.discount ? parsePercent(line.discount) : 0n,
    taxes: (line.taxes ?? []).map((tax) => ({ id: tax.id, name: tax.name, percent: parsePercent(tax.percent), compound: tax.compound ?? false })),
  }));
  const discount = spec.discountPercent ? { kind: "percent" as const, percent: parsePercent(spec.discountPercent) } : undefined;
  const calc = calculateInvoice({ currency, lines: inputs, discount });
  const paid = spec.paid ? money(spec.paid, currency) : 0n;
  const credited = spec.credited ? money(spec.credited, currency) : 0n;
  const invoiceId = "5f0c8a9e-2b7d-4e3f-8a1b-6c5d4e3f2a1b";
  const at = new Date("2026-03-02T10:15:00Z");
  const invoice: Invoice = {
    id: invoiceId,
    number: status === "draft" ? null : spec.number === undefined ? "INV-2026-00042" : spec.number,
    customerId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    templateId: null,
    status,
    currency,
    issueDate: "2026-03-02",
    dueDate: "2026-04-01",
    poNumber: spec.poNumber ?? null,
    discountKind: discount ? "percent" : null,
    discountValue: discount ? discount.percent : null,
    notes: spec.notes ?? null,
    terms: spec.terms ?? null,
    footer: null,
    subtotal: calc.subtotal,
    discountTotal: calc.documentDiscount,
    taxTotal: calc.tax,
    total: calc.total,
    amountPaid: paid,
    amountCredited: credited,
    amountDue: calc.total - paid - credited,
    publicLinkNonce: "0123456789abcdef0123456789abcdef",
    allowPartialPayment: false,
    viewedAt: null,
    viewCount: 0,
    finalizedAt: status === "draft" ? null : at,
    sentAt: null,
    paidAt: null,
    voidedAt: null,
    voidReason: null,
    uncollectibleAt: null,
    duplicatedFromId: null,
    createdBy: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  };
  const lines: InvoiceDetailLine[] = spec.lines.map((line, index) => {
    const figures = calc.lines[index]!;
    const lineId = `00000000-0000-4000-8000-${index.toString().padStart(12, "0")}`;
    return {
      id: lineId,
      invoiceId,
      position: index + 1,
      productId: null,
      description: line.description,
      unit: line.unit ?? null,
      quantity: inputs[index]!.quantity,
      unitPrice: inputs[index]!.unitPrice,
      discountPercent: Number(inputs[index]!.discountPercent),
      gross: figures.gross,
      discount: figures.discount,
      net: figures.net,
      documentDiscount: figures.documentDiscount,
      taxable: figures.taxable,
      tax: figures.tax,
      total: figures.total,
      createdAt: at,
      updatedAt: at,
      taxes: (line.taxes ?? []).map((tax, taxIndex) => ({
        id: `${lineId.slice(0, -2)}${taxIndex.toString().padStart(2, "0")}`,
        lineId,
        taxRateId: tax.id,
        name: tax.name,
        percent: stored(tax.percent),
        compound: tax.compound ?? false,
        amount: figures.taxes[taxIndex]!.amount,
      })),
    };
  });
  const allTaxes = spec.lines.flatMap((line) => line.taxes ?? []);
  return {
    invoice,
    displayStatus: displayStatus(invoice, "2026-03-15"),
    customer: {
      id: invoice.customerId,
      number: "CUST-0007",
      displayName: "Savannah Logistics Ltd",
      email: "accounts@savannahlogistics.co.ke",
      secondaryEmail: null,
      billingStreet: "Mombasa Road, Block C\nPanari Centre, 4th floor",
      billingCity: "Nairobi",
      billingRegion: null,
      billingPostalCode: "00100",
      billingCountry: "KE",
      taxId: "P051234567X",
      currency,
    },
    lines,
    taxBreakdown: calc.taxBreakdown.map((row) => {
      const tax = allTaxes.find((candidate) => candidate.id === row.id)!;
      return { taxRateId: row.id, name: row.name, percent: stored(tax.percent), compound: tax.compound ?? false, taxable: row.taxable, amount: row.amount };
    }),
    template: spec.template === null ? null : template(spec.template ?? {}),
    allocations: [],
    creditNotes: [],
  };
}

/** A public link as long as real ones: the app URL, /i/, then a 54-character token. */
export const PUBLIC_URL = "https://billing.acaciaclean.co.ke/i/X0yTj5Kp2Q8rW-vN3mB_7cHs4LdF9gZa1EuIo6xYtR2wV8nM5qPbC3";

export function pdfData(spec: InvoiceSpec, overrides: Partial<InvoicePdfData> = {}): InvoicePdfData {
  return {
    detail: invoiceDetail(spec),
    company: {
      legalName: "Acacia Cleaning Services Ltd",
      email: "billing@acaciaclean.co.ke",
      phone: "+254 20 765 4321",
      addressLines: ["Ngong Road 112", "Nairobi 00200", "Kenya"],
      taxId: "P000111222Q",
      logo: null,
    },
    publicUrl: PUBLIC_URL,
    paymentInstructions: [`Pay online: ${PUBLIC_URL}`, "Please quote INV-2026-00042 with your payment."],
    ...overrides,
  };
}

/**
 * The PDF's text as poppler reads it, in drawing order (-raw), so a description that wraps inside
 * its cell stays together; whitespace runs (the wraps) become one space. Pages end with a form
 * feed (\f). Intl puts no-break spaces in some amounts ("KWD 1,234.500"): read as plain spaces.
 */
export function pdfText(pdf: Buffer): string {
  const text = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", "-", "-"], { input: pdf, encoding: "utf8" });
  return text.replace(/\u00a0/g, " ").replace(/[ \t\r\n]+/g, " ");
}

/** Pages of pdfText output (the text after the last form feed is empty). */
export function pdfPages(text: string): string[] {
  return text.split("\f").slice(0, -1);
}

/** How many images the PDF draws: rows of type "image" in poppler's pdfimages -list (an alpha channel is a separate "smask" row). */
export function pdfImageCount(pdf: Buffer): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cleanpay-pdf-"));
  try {
    const file = path.join(dir, "document.pdf");
    writeFileSync(file, pdf);
    const listing = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" });
    return listing
      .trim()
      .split("\n")
      .slice(2)
      .filter((row) => row.trim().split(/\s+/)[2] === "image").length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A 1×1 red PNG: a real image for the logo tests. */
export const RED_DOT_PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64"),
);

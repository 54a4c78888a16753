import type { UseFormReturn } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import type { Invoice, InvoiceLineTax } from "@/db/schema";
import {
  draftToFormValues,
  dueDateFor,
  followDueDate,
  lineFromProduct,
  newInvoiceFormValues,
  swapTemplateText,
  taxRatesForDraft,
} from "@/components/invoices/editor/form-values";
import { placeNestedErrors } from "@/components/invoices/editor/server-errors";
import type { InvoiceDetail, InvoiceDetailLine } from "@/lib/invoices/detail-types";
import type { EditorTaxRate, EditorTemplate, PickerCustomer } from "@/lib/invoices/editor-options";
import { invoiceDraftSchema, type InvoiceDraftFormValues, type InvoiceLineFormValues } from "@/lib/invoices/schemas";
import type { ProductPickerItem } from "@/lib/products/queries";

const VAT = "00000000-0000-4000-8000-000000000016";
const RETIRED = "00000000-0000-4000-8000-000000000099";
const CUSTOMER = "00000000-0000-4000-8000-0000000000c1";
const PRODUCT = "00000000-0000-4000-8000-0000000000b1";
const vat: EditorTaxRate = { id: VAT, name: "VAT 16%", percent: 16000n, compound: false };
const acme: PickerCustomer = { id: CUSTOMER, number: "CUST-0001", displayName: "Acme", email: "ap@acme.test", currency: "KWD", paymentTerms: 14 };
const templates: EditorTemplate[] = [
  { id: "00000000-0000-4000-8000-0000000000a1", name: "Classic", isDefault: true, defaultNotes: "Thank you!", defaultTerms: "Net 30" },
  { id: "00000000-0000-4000-8000-0000000000a2", name: "Modern", isDefault: false, defaultNotes: null, defaultTerms: "Due on receipt" },
];

function detailOf(invoice: Partial<Invoice>, lines: Partial<InvoiceDetailLine>[], customerCurrency = invoice.currency ?? "USD"): InvoiceDetail {
  const base = {
    id: "inv",
    customerId: CUSTOMER,
    currency: "USD",
    issueDate: "2026-03-01",
    dueDate: "2026-03-31",
    poNumber: null,
    templateId: null,
    discountKind: null,
    discountValue: null,
    notes: null,
    terms: null,
    footer: null,
  };
  return {
    invoice: { ...base, ...invoice } as Invoice,
    customer: { id: CUSTOMER, currency: customerCurrency } as InvoiceDetail["customer"],
    lines: lines.map((line, position) => ({ position, productId: null, unit: null, discountPercent: 0, taxes: [], ...line }) as InvoiceDetailLine),
  } as InvoiceDetail;
}

const tax = (taxRateId: string, values: Partial<InvoiceLineTax> = {}) =>
  ({ taxRateId, name: "VAT 16%", percent: "16.000", compound: false, ...values }) as InvoiceLineTax;

describe("draft ↔ form values", () => {
  it("turns a stored draft into text that parses back to the same figures (USD, JPY, KWD)", () => {
    const cases = [
      detailOf({ currency: "USD", discountKind: "percent", discountValue: 12500n, poNumber: "PO-7", notes: "Thanks" }, [
        { description: "Consulting", unit: "hour", quantity: 15000n, unitPrice: 123450n, discountPercent: 8875, taxes: [tax(VAT)], productId: PRODUCT },
        { description: "Travel", quantity: 10000n, unitPrice: 0n },
      ]),
      detailOf({ currency: "JPY", discountKind: "fixed", discountValue: 500n }, [{ description: "Tatami", quantity: 30000n, unitPrice: 1980n }]),
      detailOf({ currency: "KWD" }, [{ description: "Service", quantity: 1n, unitPrice: 12345n }]),
    ];
    for (const detail of cases) {
      const values = draftToFormValues(detail);
      const parsed = invoiceDraftSchema.parse(values);
      expect(parsed.lines.map((line) => [line.quantity, line.unitPrice, line.discountPercent, line.taxRateIds, line.productId])).toEqual(
        detail.lines.map((line) => [line.quantity, line.unitPrice, BigInt(line.discountPercent), line.taxes.map((t) => t.taxRateId), line.productId]),
      );
      const discount = detail.invoice.discountKind
        ? { kind: detail.invoice.discountKind, [detail.invoice.discountKind === "percent" ? "percent" : "amount"]: detail.invoice.discountValue }
        : null;
      expect(parsed.discount).toEqual(discount);
      expect(parsed).toMatchObject({
        currency: detail.invoice.currency,
        issueDate: "2026-03-01",
        dueDate: "2026-03-31",
        poNumber: detail.invoice.poNumber,
        notes: detail.invoice.notes,
      });
    }
    expect(draftToFormValues(cases[0]!)).toMatchObject({
      discountKind: "percent",
      discountValue: "12.5",
      lines: [
        { quantity: "1.5", unitPrice: "1234.50", discountPercent: "8.875", unit: "hour" },
        { unit: "", discountPercent: "" },
      ],
    });
    expect(draftToFormValues(cases[1]!)).toMatchObject({ discountValue: "500", lines: [{ quantity: "3", unitPrice: "1980" }] });
    expect(draftToFormValues(cases[2]!).lines[0]).toMatchObject({ quantity: "0.0001", unitPrice: "12.345" });
  });

  it("keeps the lines in position order and marks a foreign currency as already confirmed", () => {
    const detail = detailOf(
      { currency: "EUR" },
      [
        { description: "B", position: 2, quantity: 1n, unitPrice: 1n },
        { description: "A", position: 1, quantity: 1n, unitPrice: 1n },
      ],
      "USD",
    );
    const values = draftToFormValues(detail);
    expect(values.lines.map((line) => line.description)).toEqual(["A", "B"]);
    expect(values.confirmCurrency).toBe(true);
    expect(draftToFormValues(detailOf({ currency: "USD" }, [])).confirmCurrency).toBe(false);
  });

  it("starts a new invoice from the customer, or from the company's defaults, with the default template's texts", () => {
    const withCustomer = newInvoiceFormValues({ today: "2026-12-25", defaultCurrency: "USD", defaultPaymentTerms: 30, templates, customer: acme });
    expect(withCustomer).toMatchObject({
      customerId: CUSTOMER,
      currency: "KWD",
      issueDate: "2026-12-25",
      dueDate: "2027-01-08",
      templateId: templates[0]!.id,
      notes: "Thank you!",
      terms: "Net 30",
    });
    expect(withCustomer.lines).toHaveLength(1);
    const blank = newInvoiceFormValues({ today: "2026-02-27", defaultCurrency: "EUR", defaultPaymentTerms: 2, templates: [], customer: null });
    expect(blank).toMatchObject({ customerId: "", currency: "EUR", dueDate: "2026-03-01", templateId: "", notes: "", terms: "", discountKind: "none" });
    // a blank new invoice is not valid until a customer and a line description are given
    const issues = invoiceDraftSchema.safeParse(blank).error?.issues.map((issue) => issue.path.join("."));
    expect(issues).toEqual(expect.arrayContaining(["customerId", "lines.0.description", "lines.0.unitPrice"]));
  });
});

describe("dates and template texts", () => {
  it("moves the due date with the issue date only while it is still issue date + terms", () => {
    expect(followDueDate("2026-01-01", "2026-01-10", "2026-01-31", 30)).toBe("2026-02-09");
    expect(followDueDate("2026-01-01", "2026-01-10", "2026-02-15", 30)).toBe("2026-02-15");
    // a half-typed date changes nothing
    expect(followDueDate("2026-01-01", "", "2026-01-31", 30)).toBe("2026-01-31");
    expect(followDueDate("", "2026-01-10", "2026-01-31", 30)).toBe("2026-01-31");
    expect(dueDateFor("2024-02-15", 14, "x")).toBe("2024-02-29");
    expect(dueDateFor("", 14, "2024-03-01")).toBe("2024-03-01");
  });

  it("swaps notes and terms to the new template's unless someone wrote their own", () => {
    expect(swapTemplateText("Thank you!", "Thank you!", null)).toBe("");
    expect(swapTemplateText("", "Thank you!", "Cheers")).toBe("Cheers");
    expect(swapTemplateText("Call me first", "Thank you!", "Cheers")).toBe("Call me first");
  });
});

describe("picking a product", () => {
  const product: ProductPickerItem = {
    id: PRODUCT,
    sku: "CONS-1",
    name: "Consulting",
    description: "Senior rate",
    unit: "hour",
    unitPrice: 123450n,
    currency: "USD",
    defaultTaxRateId: VAT,
  };
  const line: InvoiceLineFormValues = { productId: "", description: "", unit: "", quantity: "2", unitPrice: "", discountPercent: "5", taxRateIds: [] };

  it("fills description, unit, price and default tax in the invoice's currency, keeping quantity and discount", () => {
    const picked = lineFromProduct(line, product, "USD", [vat]);
    expect(picked.warning).toBeNull();
    expect(picked.line).toEqual({
      productId: PRODUCT,
      description: "Consulting\nSenior rate",
      unit: "hour",
      quantity: "2",
      unitPrice: "1234.50",
      discountPercent: "5",
      taxRateIds: [VAT],
    });
  });

  it("leaves the price to the user, with a warning, when the product is priced in another currency", () => {
    const picked = lineFromProduct({ ...line, unitPrice: "99" }, product, "EUR", [vat]);
    expect(picked.line.unitPrice).toBe("99");
    expect(picked.warning).toBe("Consulting is priced in USD ($1,234.50), not EUR: enter the EUR price.");
  });

  it("adds the default tax only while it is active", () => {
    const retiredVat = { ...vat, retired: true };
    expect(lineFromProduct({ ...line, taxRateIds: [RETIRED] }, product, "USD", [retiredVat]).line.taxRateIds).toEqual([RETIRED]);
    expect(lineFromProduct(line, { ...product, defaultTaxRateId: null }, "USD", [vat]).line.taxRateIds).toEqual([]);
  });

  it("offers a draft's retired rates next to the active ones, once each", () => {
    const detail = detailOf({}, [
      { description: "A", quantity: 1n, unitPrice: 1n, taxes: [tax(VAT), tax(RETIRED, { name: "Old levy", percent: "2.500", compound: true })] },
      { description: "B", quantity: 1n, unitPrice: 1n, taxes: [tax(RETIRED, { name: "Old levy", percent: "2.500", compound: true })] },
    ]);
    expect(taxRatesForDraft([vat], detail)).toEqual([vat, { id: RETIRED, name: "Old levy", percent: 2500n, compound: true, retired: true }]);
    expect(taxRatesForDraft([vat], null)).toEqual([vat]);
  });
});

describe("server errors", () => {
  it("puts line errors at their fields and leaves top-level ones (without the draft. prefix) to applyActionResult", () => {
    const setError = vi.fn();
    const form = { getValues: () => ({ currency: "USD", lines: [] }), setError } as unknown as UseFormReturn<InvoiceDraftFormValues>;
    const result = placeNestedErrors(form, {
      ok: false,
      error: "Check the highlighted fields.",
      fieldErrors: { "draft.currency": ["Confirm"], "draft.lines.1.taxRateIds": ["Inactive rate"], "lines.0.quantity": ["Too small"], "other.x": ["?"] },
    });
    expect(setError.mock.calls).toEqual([
      ["lines.1.taxRateIds", { type: "server", message: "Inactive rate" }],
      ["lines.0.quantity", { type: "server", message: "Too small" }],
    ]);
    expect(result).toEqual({ ok: false, error: "Check the highlighted fields.", fieldErrors: { currency: ["Confirm"], "other.x": ["?"] } });
    expect(placeNestedErrors(form, { ok: true, data: 1 })).toEqual({ ok: true, data: 1 });
  });
});

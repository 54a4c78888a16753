import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { newInvoiceFormValues } from "@/components/invoices/editor/form-values";
import { InvoiceEditor } from "@/components/invoices/editor/invoice-editor";
import type { EditorOptions, PickerCustomer } from "@/lib/invoices/editor-options";
import type { InvoiceDraftFormValues } from "@/lib/invoices/schemas";

// the server actions need a request (session, headers); rendering never calls them
vi.mock("@/app/(staff)/invoices/editor-actions", () => ({
  createInvoiceDraftAction: vi.fn(),
  updateInvoiceDraftAction: vi.fn(),
  searchInvoiceCustomersAction: vi.fn(),
  searchInvoiceProductsAction: vi.fn(),
}));
vi.mock("next/navigation", () => ({ useRouter: () => ({ replace: vi.fn(), refresh: vi.fn() }) }));

const VAT = "00000000-0000-4000-8000-000000000016";
const HST = "00000000-0000-4000-8000-000000000013";
const options: EditorOptions = {
  taxRates: [
    { id: VAT, name: "VAT 16%", percent: 16000n, compound: false },
    { id: HST, name: "Levy", percent: 2500n, compound: true },
  ],
  templates: [{ id: "00000000-0000-4000-8000-0000000000a1", name: "Classic", isDefault: true, defaultNotes: "Thank you!", defaultTerms: null }],
  defaultCurrency: "USD",
  defaultPaymentTerms: 30,
};
const acme: PickerCustomer = {
  id: "00000000-0000-4000-8000-0000000000c1",
  number: "CUST-0001",
  displayName: "Acme Ltd",
  email: null,
  currency: "USD",
  paymentTerms: 14,
};

function render(defaults: InvoiceDraftFormValues, customer: PickerCustomer | null = acme) {
  return renderToStaticMarkup(<InvoiceEditor mode={{ kind: "create" }} defaults={defaults} customer={customer} options={options} cancelHref="/invoices" />);
}

const base = newInvoiceFormValues({ today: "2026-03-01", defaultCurrency: "USD", defaultPaymentTerms: 30, templates: options.templates, customer: acme });

describe("invoice editor", () => {
  it("labels every line cell for keyboard and screen reader users", () => {
    const html = render({ ...base, lines: [base.lines[0]!, { ...base.lines[0]!, description: "Second" }] });
    for (const cell of ["description", "quantity", "unit", "unit price", "discount %"]) {
      expect(html).toContain(`aria-label="Line 1 ${cell}"`);
      expect(html).toContain(`aria-label="Line 2 ${cell}"`);
    }
    expect(html).toContain('aria-label="Line 1 taxes: No tax"');
    expect(html).toContain('aria-label="Line 2: pick a product"');
    expect(html.match(/data-testid="invoice-line"/g)).toHaveLength(2);
    // the first line cannot move up, the last cannot move down
    expect(html).toMatch(/<button[^>]*aria-label="Move line 1 up"[^>]*disabled=""/);
    expect(html).toMatch(/<button[^>]*aria-label="Move line 2 down"[^>]*disabled=""/);
    expect(html).not.toMatch(/<button[^>]*aria-label="Move line 1 down"[^>]*disabled=""/);
    expect(html).toContain('draggable="true"');
    expect(html).toContain(">Add line<");
    expect(html).toContain(">Save draft<");
    expect(html).toContain('href="/invoices"');
    expect(html).not.toMatch(/finalize/i);
  });

  it("shows live totals with a breakdown per rate, and a dash for lines that do not parse", () => {
    const html = render({
      ...base,
      lines: [
        { ...base.lines[0]!, description: "Design", quantity: "2", unitPrice: "100", taxRateIds: [VAT, HST] },
        { ...base.lines[0]!, description: "Half typed", quantity: "1", unitPrice: "12.3.4" },
      ],
      discountKind: "percent",
      discountValue: "10",
    });
    expect(html).toMatch(/data-testid="line-amount"[^>]*>\$200\.00</);
    expect(html).toMatch(/data-testid="line-amount"[^>]*>—</);
    expect(html).toContain("Not counted yet: line 2");
    // $200 − 10% = $180; VAT 28.80; compound levy 2.5% of 208.80 = 5.22
    expect(html).toMatch(/data-testid="totals-subtotal".*\$200\.00/);
    expect(html).toMatch(/data-testid="totals-discount".*−\$20\.00/);
    expect(html).toContain("VAT 16% · 16% on $180.00");
    expect(html).toContain("Levy (compound) · 2.5% on $208.80");
    expect(html).toMatch(/data-testid="totals-total"[^>]*>\$214\.02</);
    expect(html).toContain('aria-label="Line 1 taxes: VAT 16%, Levy (compound)"');
  });

  it("asks to confirm a currency other than the customer's", () => {
    expect(render(base)).not.toContain("Invoice in");
    const html = render({ ...base, currency: "EUR" });
    expect(html).toContain("Invoice in EUR, although Acme Ltd is billed in USD");
  });

  it("shows the chosen customer, or a search when there is none, and the template's notes", () => {
    const chosen = render(base);
    expect(chosen).toContain('data-testid="chosen-customer"');
    expect(chosen).toContain("CUST-0001");
    expect(chosen).toContain("Thank you!");
    const empty = render({ ...base, customerId: "" }, null);
    expect(empty).toContain('role="combobox"');
    expect(empty).toContain('aria-label="Search customers"');
  });
});

import { addDaysIso, isIsoDate } from "@/lib/invoices/dates";
import type { InvoiceDetail } from "@/lib/invoices/detail-types";
import type { EditorTaxRate, EditorTemplate, PickerCustomer } from "@/lib/invoices/editor-options";
import type { InvoiceDraftFormValues, InvoiceLineFormValues } from "@/lib/invoices/schemas";
import { formatMoney, minorToDecimalString, parsePercent, percentToDecimalString } from "@/lib/money";
import type { ProductPickerItem } from "@/lib/products/queries";
import { formatQuantity } from "@/lib/quantity";

// The editor works on text as typed; these turn a stored draft (or the defaults) into that text.
// invoiceDraftSchema parses it back to the same integers.

export function blankLine(): InvoiceLineFormValues {
  return { productId: "", description: "", unit: "", quantity: "1", unitPrice: "", discountPercent: "", taxRateIds: [] };
}

/** The due date for `terms` days after the issue date, or `fallback` while the issue date is not a date. */
export function dueDateFor(issueDate: string, paymentTerms: number, fallback: string): string {
  return isIsoDate(issueDate) ? addDaysIso(issueDate, paymentTerms) : fallback;
}

/**
 * The due date after the issue date moves: it follows when it was still "issue date + terms",
 * and stays when someone typed a date of their own (or a date field is half typed).
 */
export function followDueDate(previousIssue: string, nextIssue: string, dueDate: string, paymentTerms: number): string {
  if (!isIsoDate(previousIssue) || !isIsoDate(nextIssue)) return dueDate;
  return dueDate === addDaysIso(previousIssue, paymentTerms) ? addDaysIso(nextIssue, paymentTerms) : dueDate;
}

/**
 * Notes and terms after the template changes: a text still equal to the old template's default
 * (or empty) takes the new default; text someone wrote stays.
 */
export function swapTemplateText(current: string, previousDefault: string | null, nextDefault: string | null): string {
  return current === "" || current === (previousDefault ?? "") ? (nextDefault ?? "") : current;
}

interface NewInvoiceDefaults {
  /** yyyy-mm-dd */
  today: string;
  defaultCurrency: string;
  defaultPaymentTerms: number;
  templates: readonly EditorTemplate[];
  customer: PickerCustomer | null;
}

/** A new invoice: today, the customer's currency and terms (else the company's), the default template's texts. */
export function newInvoiceFormValues({ today, defaultCurrency, defaultPaymentTerms, templates, customer }: NewInvoiceDefaults): InvoiceDraftFormValues {
  const template = templates.find((candidate) => candidate.isDefault) ?? null;
  return {
    customerId: customer?.id ?? "",
    currency: customer?.currency ?? defaultCurrency,
    confirmCurrency: false,
    issueDate: today,
    dueDate: addDaysIso(today, customer?.paymentTerms ?? defaultPaymentTerms),
    poNumber: "",
    templateId: template?.id ?? "",
    discountKind: "none",
    discountValue: "",
    notes: template?.defaultNotes ?? "",
    terms: template?.defaultTerms ?? "",
    footer: "",
    lines: [blankLine()],
  };
}

/** A saved draft as the editor shows it. */
export function draftToFormValues(detail: InvoiceDetail): InvoiceDraftFormValues {
  const { invoice } = detail;
  const money = (minor: bigint) => minorToDecimalString(minor, invoice.currency);
  return {
    customerId: invoice.customerId,
    currency: invoice.currency,
    // a currency other than the customer's was confirmed when the draft was saved
    confirmCurrency: invoice.currency !== detail.customer.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    poNumber: invoice.poNumber ?? "",
    templateId: invoice.templateId ?? "",
    discountKind: invoice.discountKind ?? "none",
    discountValue: discountText(invoice.discountKind, invoice.discountValue, money),
    notes: invoice.notes ?? "",
    terms: invoice.terms ?? "",
    footer: invoice.footer ?? "",
    lines: [...detail.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({
        productId: line.productId ?? "",
        description: line.description,
        unit: line.unit ?? "",
        quantity: formatQuantity(line.quantity),
        unitPrice: money(line.unitPrice),
        discountPercent: line.discountPercent === 0 ? "" : percentToDecimalString(BigInt(line.discountPercent)),
        taxRateIds: line.taxes.map((tax) => tax.taxRateId),
      })),
  };
}

function discountText(kind: "percent" | "fixed" | null, value: bigint | null, money: (minor: bigint) => string): string {
  if (kind === null || value === null) return "";
  return kind === "percent" ? percentToDecimalString(value) : money(value);
}

/**
 * The rates the editor offers: the active ones, plus any a saved draft still uses that has since
 * been retired (marked, so it can be seen and removed; saving may refuse it).
 */
export function taxRatesForDraft(active: readonly EditorTaxRate[], detail: InvoiceDetail | null): EditorTaxRate[] {
  const rates = [...active];
  const known = new Set(active.map((rate) => rate.id));
  for (const tax of detail?.lines.flatMap((line) => line.taxes) ?? []) {
    if (known.has(tax.taxRateId)) continue;
    known.add(tax.taxRateId);
    rates.push({ id: tax.taxRateId, name: tax.name, percent: parsePercent(tax.percent), compound: tax.compound, retired: true });
  }
  return rates;
}

/**
 * A line after picking a product: its description, unit, default tax and price, but the price
 * only in the invoice's currency (converting would be a guess), with a warning otherwise.
 */
export function lineFromProduct(
  line: InvoiceLineFormValues,
  product: ProductPickerItem,
  currency: string,
  rates: readonly EditorTaxRate[],
): { line: InvoiceLineFormValues; warning: string | null } {
  const samePrice = product.currency === currency;
  const defaultRate = rates.find((rate) => rate.id === product.defaultTaxRateId && !rate.retired);
  const description = product.description ? `${product.name}\n${product.description}` : product.name;
  return {
    line: {
      ...line,
      productId: product.id,
      description: description.slice(0, 2000),
      unit: product.unit ?? "",
      unitPrice: samePrice ? minorToDecimalString(product.unitPrice, currency) : line.unitPrice,
      taxRateIds: defaultRate ? [defaultRate.id] : line.taxRateIds,
    },
    warning: samePrice
      ? null
      : `${product.name} is priced in ${product.currency} (${formatMoney(product.unitPrice, product.currency)}), not ${currency}: enter the ${currency} price.`,
  };
}

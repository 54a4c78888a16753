import { z } from "zod";
import type { DocumentDiscountInput } from "@/lib/invoices/calculate-types";
import { parseMoney, safeParsePercent } from "@/lib/money";
import { safeParseQuantity } from "@/lib/quantity";
import { isCurrencyCode } from "@/lib/settings/schemas";

// The invoice draft as the editor sends it (text as typed) and as the server stores it (exact
// integers). Shared by the editor (client) and the server actions: one rule set, no server imports.

export const MAX_LINES = 500;
export const MAX_TAXES_PER_LINE = 5;
export const DISCOUNT_KINDS = ["none", "percent", "fixed"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value));

const isoDate = (message: string) => z.iso.date(message);

export const invoiceLineFields = z.object({
  // the catalog item the line was picked from, or "" for free text
  productId: z.union([z.uuid("Unknown product."), z.literal("")]),
  description: z.string().trim().min(1, "Describe the line.").max(2000, "Use at most 2,000 characters."),
  unit: optionalText(20),
  quantity: z.string().trim().min(1, "Enter a quantity."),
  unitPrice: z.string().trim().min(1, "Enter a unit price (0 is allowed)."),
  discountPercent: z.string().trim(),
  taxRateIds: z
    .array(z.uuid("Unknown tax rate."))
    .max(MAX_TAXES_PER_LINE, `Use at most ${MAX_TAXES_PER_LINE} taxes on a line.`)
    .refine((ids) => new Set(ids).size === ids.length, "A tax can apply to a line only once."),
});

export const invoiceDraftFields = z.object({
  customerId: z.uuid("Choose a customer."),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrencyCode, "Use an ISO 4217 currency code such as USD, EUR or KES."),
  // a currency other than the customer's must be confirmed
  confirmCurrency: z.boolean(),
  issueDate: isoDate("Enter the issue date."),
  dueDate: isoDate("Enter the due date."),
  poNumber: optionalText(100),
  templateId: z.union([z.uuid("Unknown template."), z.literal("")]),
  discountKind: z.enum(DISCOUNT_KINDS),
  discountValue: z.string().trim(),
  notes: optionalText(5000),
  terms: optionalText(5000),
  footer: optionalText(1000),
  lines: z.array(invoiceLineFields).max(MAX_LINES, `An invoice has at most ${MAX_LINES} lines.`),
});

export type InvoiceDraftFormValues = z.input<typeof invoiceDraftFields>;
export type InvoiceLineFormValues = z.input<typeof invoiceLineFields>;

export type InvoiceLineDraft = {
  productId: string | null;
  description: string;
  unit: string | null;
  /** scaled × 10,000 */
  quantity: bigint;
  /** minor units of the invoice currency */
  unitPrice: bigint;
  /** thousandths of a percent */
  discountPercent: bigint;
  taxRateIds: string[];
};

/** The draft with every number exact; what lib/invoices/drafts.ts stores. */
export type InvoiceDraftInput = {
  customerId: string;
  currency: string;
  confirmCurrency: boolean;
  issueDate: string;
  dueDate: string;
  poNumber: string | null;
  templateId: string | null;
  discount: DocumentDiscountInput | null;
  notes: string | null;
  terms: string | null;
  footer: string | null;
  lines: InvoiceLineDraft[];
};

/**
 * Text as typed → exact integers, with each problem reported at its field
 * (`lines.2.quantity`, `discountValue`, `dueDate`). Empty lines are allowed: a draft saves any time.
 */
export const invoiceDraftSchema = invoiceDraftFields.transform((value, ctx): InvoiceDraftInput => {
  const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  if (value.dueDate < value.issueDate) fail(["dueDate"], "The due date cannot be before the issue date.");

  const lines = value.lines.map((line, index): InvoiceLineDraft => {
    const quantity = safeParseQuantity(line.quantity);
    if (!quantity.ok) fail(["lines", index, "quantity"], quantity.error);
    else if (quantity.value <= 0n) fail(["lines", index, "quantity"], "The quantity must be more than 0.");
    const price = parseMoney(line.unitPrice, value.currency);
    if (!price.ok) fail(["lines", index, "unitPrice"], price.error);
    else if (price.minor < 0n) fail(["lines", index, "unitPrice"], "The unit price cannot be negative.");
    const discount = line.discountPercent === "" ? { ok: true as const, value: 0n } : safeParsePercent(line.discountPercent);
    if (!discount.ok) fail(["lines", index, "discountPercent"], discount.error);
    return {
      productId: line.productId || null,
      description: line.description,
      unit: line.unit,
      quantity: quantity.ok ? quantity.value : 0n,
      unitPrice: price.ok ? price.minor : 0n,
      discountPercent: discount.ok ? discount.value : 0n,
      taxRateIds: line.taxRateIds,
    };
  });

  let discount: DocumentDiscountInput | null = null;
  if (value.discountKind === "percent") {
    const percent = safeParsePercent(value.discountValue);
    if (!percent.ok) fail(["discountValue"], percent.error);
    else discount = { kind: "percent", percent: percent.value };
  } else if (value.discountKind === "fixed") {
    const amount = parseMoney(value.discountValue, value.currency);
    if (!amount.ok) fail(["discountValue"], amount.error);
    else if (amount.minor < 0n) fail(["discountValue"], "The discount cannot be negative.");
    else discount = { kind: "fixed", amount: amount.minor };
  }

  return {
    customerId: value.customerId,
    currency: value.currency,
    confirmCurrency: value.confirmCurrency,
    issueDate: value.issueDate,
    dueDate: value.dueDate,
    poNumber: value.poNumber,
    templateId: value.templateId || null,
    discount,
    notes: value.notes,
    terms: value.terms,
    footer: value.footer,
    lines,
  };
});

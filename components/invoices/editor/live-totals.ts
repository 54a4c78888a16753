import { calculateInvoice, type CalculatedLine, type DocumentDiscountInput, type InvoiceCalculation, type InvoiceLineInput } from "@/lib/invoices/calculate";
import type { EditorTaxRate } from "@/lib/invoices/editor-options";
import type { InvoiceDraftFormValues, InvoiceLineFormValues } from "@/lib/invoices/schemas";
import { parseMoney, safeParsePercent } from "@/lib/money";
import { safeParseQuantity } from "@/lib/quantity";
import { isCurrencyCode } from "@/lib/settings/schemas";

// The editor's live totals: the text as typed goes through the same parsers as the server's
// schema and the same calculateInvoice, so what the panel shows is what the draft will store.

export type LiveTotalsInput = Pick<InvoiceDraftFormValues, "currency" | "lines" | "discountKind" | "discountValue">;

export interface LiveTotals {
  /** the currency to format in; null until the field holds a known code */
  currency: string | null;
  /** per form line: its figures, or null while its text does not parse yet */
  lines: (CalculatedLine | null)[];
  /** over the lines that parse; null without a currency */
  calculation: InvoiceCalculation | null;
  /** 0-based indexes of the lines left out */
  uncounted: number[];
  /** why the invoice discount is left out, if it is */
  discountError: string | null;
}

/** One line's text as exact figures, or null while any of it does not parse (or names an unknown or repeated rate). */
export function liveLineInput(line: InvoiceLineFormValues, currency: string, rates: ReadonlyMap<string, EditorTaxRate>): InvoiceLineInput | null {
  const quantity = safeParseQuantity(line.quantity);
  if (!quantity.ok || quantity.value <= 0n) return null;
  const price = parseMoney(line.unitPrice, currency);
  if (!price.ok || price.minor < 0n) return null;
  const discount = line.discountPercent.trim() === "" ? null : safeParsePercent(line.discountPercent);
  if (discount && !discount.ok) return null;
  if (new Set(line.taxRateIds).size !== line.taxRateIds.length) return null;
  const taxes = line.taxRateIds.map((id) => rates.get(id));
  if (taxes.some((tax) => tax === undefined)) return null;
  return {
    quantity: quantity.value,
    unitPrice: price.minor,
    discountPercent: discount?.value ?? 0n,
    taxes: taxes.filter((tax) => tax !== undefined),
  };
}

type DiscountParse = { discount: DocumentDiscountInput | undefined; error: string | null };

function liveDiscount(values: LiveTotalsInput, currency: string): DiscountParse {
  if (values.discountKind === "none" || values.discountValue.trim() === "") return { discount: undefined, error: null };
  if (values.discountKind === "percent") {
    const percent = safeParsePercent(values.discountValue);
    return percent.ok ? { discount: { kind: "percent", percent: percent.value }, error: null } : { discount: undefined, error: percent.error };
  }
  const amount = parseMoney(values.discountValue, currency);
  if (!amount.ok) return { discount: undefined, error: amount.error };
  if (amount.minor < 0n) return { discount: undefined, error: "The discount cannot be negative." };
  return { discount: { kind: "fixed", amount: amount.minor }, error: null };
}

export function liveTotals(values: LiveTotalsInput, rates: readonly EditorTaxRate[]): LiveTotals {
  const currency = values.currency.trim().toUpperCase();
  if (!isCurrencyCode(currency)) {
    return { currency: null, lines: values.lines.map(() => null), calculation: null, uncounted: values.lines.map((_, index) => index), discountError: null };
  }
  const byId = new Map(rates.map((rate) => [rate.id, rate]));
  const inputs = values.lines.map((line) => liveLineInput(line, currency, byId));
  const counted = inputs.filter((input) => input !== null);
  const uncounted = inputs.flatMap((input, index) => (input === null ? [index] : []));
  let { discount, error: discountError } = liveDiscount(values, currency);

  let calculation: InvoiceCalculation;
  try {
    calculation = calculateInvoice({ currency, lines: counted, discount });
  } catch (error) {
    // every line input was checked above, so a refusal here is the discount (e.g. more than the subtotal)
    if (!(error instanceof RangeError) || !discount) throw error;
    discountError = error.message;
    discount = undefined;
    calculation = calculateInvoice({ currency, lines: counted });
  }

  let next = 0;
  const lines = inputs.map((input) => (input === null ? null : (calculation.lines[next++] ?? null)));
  return { currency, lines, calculation, uncounted, discountError };
}

/** A line's amount before the invoice discount and taxes (quantity × price − line discount), or null while it does not parse. */
export function liveLineNet(line: InvoiceLineFormValues, currency: string, rates: readonly EditorTaxRate[]): bigint | null {
  const code = currency.trim().toUpperCase();
  if (!isCurrencyCode(code)) return null;
  const input = liveLineInput(line, code, new Map(rates.map((rate) => [rate.id, rate])));
  return input ? (calculateInvoice({ currency: code, lines: [input] }).lines[0]?.net ?? null) : null;
}

/**
 * The invoice arithmetic, shared by the server (what is stored) and the editor (live totals), so
 * it is pure: no db, no next, no node-only modules. Rules (ARCHITECTURE.md invariant 1):
 *
 * - Amounts are bigint minor units of the invoice currency; the currency's exponent only matters
 *   when formatting, so JPY (0), USD (2) and KWD (3) go through the same code.
 * - One rounding rule, half away from zero (roundHalfAwayFromZero), applied at the line:
 *   1. gross    = round(quantity × unit price)          (quantity is scaled × 10,000)
 *   2. discount = round(gross × line discount %)         net = gross − discount
 *   3. the document discount (percent of the subtotal, rounded once, or a fixed amount) is
 *      allocated over the line nets in proportion with allocate(), never losing a unit, BEFORE tax:
 *      taxable = net − the line's share
 *   4. each tax rate = round(base × rate %) per line; base = taxable for a normal tax, and
 *      taxable + the line's non-compound taxes for a compound tax.
 *   5. line total = taxable + Σ line taxes.
 * - Document figures are sums of line figures (subtotal = Σ net, tax = Σ line tax, total = Σ line
 *   total, tax breakdown per rate = Σ of that rate's line amounts); nothing is recomputed from sums.
 * - Refused with a RangeError: quantity ≤ 0, negative unit price, a percent outside 0–100, a
 *   negative discount or one larger than the line gross / the subtotal, a tax listed twice on a
 *   line, one tax id with two different percents.
 */
import { allocate, applyPercent, HUNDRED_PERCENT, roundHalfAwayFromZero } from "@/lib/money";
import { QUANTITY_SCALE } from "@/lib/quantity";
import type {
  CalculatedLine,
  DocumentDiscountInput,
  InvoiceCalculation,
  InvoiceCalculationInput,
  InvoiceLineInput,
  LineTaxAmount,
  TaxBreakdownRow,
} from "@/lib/invoices/calculate-types";

export type * from "@/lib/invoices/calculate-types";

function checkPercent(percent: bigint, what: string): void {
  if (percent < 0n || percent > HUNDRED_PERCENT) {
    throw new RangeError(`${what} must be between 0% and 100% (got ${percent} thousandths of a percent).`);
  }
}

type LineBeforeTax = { gross: bigint; discount: bigint; net: bigint };

function lineBeforeTax(line: InvoiceLineInput, label: string): LineBeforeTax {
  if (line.quantity <= 0n) throw new RangeError(`${label}: quantity must be more than 0.`);
  if (line.unitPrice < 0n) throw new RangeError(`${label}: unit price cannot be negative.`);
  const gross = roundHalfAwayFromZero(line.quantity * line.unitPrice, QUANTITY_SCALE);
  const percent = line.discountPercent ?? 0n;
  checkPercent(percent, `${label}: discount`);
  const discount = applyPercent(gross, percent);
  if (discount > gross) throw new RangeError(`${label}: discount cannot be more than the line amount.`);
  return { gross, discount, net: gross - discount };
}

function documentDiscountAmount(discount: DocumentDiscountInput | undefined, subtotal: bigint): bigint {
  if (!discount) return 0n;
  if (discount.kind === "percent") {
    checkPercent(discount.percent, "Invoice discount");
    return applyPercent(subtotal, discount.percent);
  }
  if (discount.amount < 0n) throw new RangeError("Invoice discount cannot be negative.");
  if (discount.amount > subtotal) throw new RangeError("Invoice discount cannot be more than the subtotal.");
  return discount.amount;
}

/** Each rate of one line, rounded at the line; compound rates see the non-compound ones. */
function lineTaxes(line: InvoiceLineInput, taxable: bigint, label: string): { taxes: LineTaxAmount[]; bases: bigint[] } {
  const seen = new Set<string>();
  for (const tax of line.taxes) {
    if (seen.has(tax.id)) throw new RangeError(`${label}: tax "${tax.name}" is listed twice.`);
    seen.add(tax.id);
    checkPercent(tax.percent, `${label}: tax "${tax.name}"`);
  }
  const simple = line.taxes.map((tax) => (tax.compound ? 0n : applyPercent(taxable, tax.percent)));
  const compoundBase = taxable + simple.reduce((sum, amount) => sum + amount, 0n);
  const bases = line.taxes.map((tax) => (tax.compound ? compoundBase : taxable));
  const taxes = line.taxes.map((tax, index) => ({
    id: tax.id,
    amount: tax.compound ? applyPercent(compoundBase, tax.percent) : (simple[index] ?? 0n),
  }));
  return { taxes, bases };
}

export function calculateInvoice(input: InvoiceCalculationInput): InvoiceCalculation {
  if (!/^[A-Z]{3}$/.test(input.currency)) throw new RangeError(`"${input.currency}" is not an ISO 4217 currency code.`);
  const before = input.lines.map((line, index) => lineBeforeTax(line, `Line ${index + 1}`));
  const subtotal = before.reduce((sum, line) => sum + line.net, 0n);
  const documentDiscount = documentDiscountAmount(input.discount, subtotal);
  const shares = allocate(documentDiscount, before.map((line) => line.net));

  const breakdown = new Map<string, TaxBreakdownRow>();
  const lines: CalculatedLine[] = input.lines.map((line, index) => {
    const { gross, discount, net } = before[index] ?? { gross: 0n, discount: 0n, net: 0n };
    const share = shares[index] ?? 0n;
    const taxable = net - share;
    const { taxes, bases } = lineTaxes(line, taxable, `Line ${index + 1}`);
    line.taxes.forEach((tax, taxIndex) => {
      const amount = taxes[taxIndex]?.amount ?? 0n;
      const base = bases[taxIndex] ?? 0n;
      const row = breakdown.get(tax.id);
      if (!row) {
        breakdown.set(tax.id, { id: tax.id, name: tax.name, percent: tax.percent, taxable: base, amount });
        return;
      }
      if (row.percent !== tax.percent) throw new RangeError(`Tax "${tax.name}" appears with two different rates.`);
      row.taxable += base;
      row.amount += amount;
    });
    const tax = taxes.reduce((sum, entry) => sum + entry.amount, 0n);
    return { gross, discount, net, documentDiscount: share, taxable, taxes, tax, total: taxable + tax };
  });

  const sum = (pick: (line: CalculatedLine) => bigint) => lines.reduce((total, line) => total + pick(line), 0n);
  return {
    currency: input.currency,
    lines,
    subtotal,
    documentDiscount: sum((line) => line.documentDiscount),
    taxableTotal: sum((line) => line.taxable),
    taxBreakdown: [...breakdown.values()],
    tax: sum((line) => line.tax),
    total: sum((line) => line.total),
  };
}

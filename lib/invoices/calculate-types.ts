/**
 * Shapes of the invoice calculation. All amounts are bigint minor units of the invoice currency;
 * quantities are scaled × 10,000 (lib/quantity.ts); percents are thousandths of a percent
 * (8.875% → 8875n, see lib/money.ts).
 */

export type InvoiceTaxInput = {
  id: string;
  name: string;
  percent: bigint;
  /** A compound tax applies to the line's taxable amount plus its non-compound taxes. */
  compound: boolean;
};

export type InvoiceLineInput = {
  quantity: bigint;
  unitPrice: bigint;
  discountPercent?: bigint;
  taxes: readonly InvoiceTaxInput[];
};

export type DocumentDiscountInput = { kind: "percent"; percent: bigint } | { kind: "fixed"; amount: bigint };

export type InvoiceCalculationInput = {
  currency: string;
  lines: readonly InvoiceLineInput[];
  discount?: DocumentDiscountInput;
};

export type LineTaxAmount = { id: string; amount: bigint };

export type CalculatedLine = {
  /** round(quantity × unit price) */
  gross: bigint;
  /** the line's own discount, rounded */
  discount: bigint;
  /** gross − discount */
  net: bigint;
  /** this line's share of the document discount */
  documentDiscount: bigint;
  /** net − documentDiscount: what the taxes apply to */
  taxable: bigint;
  taxes: LineTaxAmount[];
  /** Σ taxes */
  tax: bigint;
  /** taxable + tax */
  total: bigint;
};

export type TaxBreakdownRow = {
  id: string;
  name: string;
  percent: bigint;
  /** Σ of the bases this rate was applied to on each line */
  taxable: bigint;
  /** Σ of the rounded line amounts of this rate */
  amount: bigint;
};

export type InvoiceCalculation = {
  currency: string;
  lines: CalculatedLine[];
  /** Σ line nets, before the document discount */
  subtotal: bigint;
  documentDiscount: bigint;
  /** subtotal − documentDiscount = Σ line taxable */
  taxableTotal: bigint;
  taxBreakdown: TaxBreakdownRow[];
  tax: bigint;
  total: bigint;
};

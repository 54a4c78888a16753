import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateInvoice, type InvoiceCalculationInput, type InvoiceTaxInput } from "@/lib/invoices/calculate";
import { applyPercent } from "@/lib/money";

const abs = (value: bigint) => (value < 0n ? -value : value);
const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n);

// A small pool of rates, so lines share rates and the breakdown has to group them.
const taxPool: InvoiceTaxInput[] = [
  { id: "vat16", name: "VAT 16%", percent: 16000n, compound: false },
  { id: "city", name: "City 8.875%", percent: 8875n, compound: false },
  { id: "zero", name: "Zero-rated", percent: 0n, compound: false },
  { id: "qst", name: "QST", percent: 9975n, compound: true },
  { id: "lux", name: "Luxury 33.333%", percent: 33333n, compound: true },
];

const percent = fc.oneof(fc.constant(0n), fc.constant(100000n), fc.bigInt({ min: 0n, max: 100000n }));
const lineArb = fc.record({
  quantity: fc.oneof(fc.bigInt({ min: 1n, max: 100000n }), fc.bigInt({ min: 1n, max: 10n ** 12n })),
  unitPrice: fc.oneof(fc.bigInt({ min: 0n, max: 100000n }), fc.bigInt({ min: 0n, max: 10n ** 15n })),
  discountPercent: fc.option(percent, { nil: undefined }),
  taxes: fc.subarray(taxPool),
});
// A fixed discount is drawn as a fraction of the subtotal, so it is always allowed.
const discountArb = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant("percent" as const), percent }),
    fc.record({ kind: fc.constant("fraction" as const), numerator: fc.bigInt({ min: 0n, max: 1000n }) }),
  ),
  { nil: undefined },
);
const invoiceArb = fc
  .record({ currency: fc.constantFrom("JPY", "USD", "KWD"), lines: fc.array(lineArb, { maxLength: 12 }), discount: discountArb })
  .map(({ currency, lines, discount }): InvoiceCalculationInput => {
    if (discount?.kind !== "fraction") return { currency, lines, discount };
    const subtotal = calculateInvoice({ currency, lines }).subtotal;
    return { currency, lines, discount: { kind: "fixed", amount: (subtotal * discount.numerator) / 1000n } };
  });

describe("calculateInvoice properties", () => {
  it("(a) document figures are the sums of the line figures", () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const result = calculateInvoice(input);
        expect(result.total).toBe(sum(result.lines.map((l) => l.total)));
        expect(result.tax).toBe(sum(result.lines.map((l) => l.tax)));
        expect(result.subtotal).toBe(sum(result.lines.map((l) => l.net)));
        expect(sum(result.taxBreakdown.map((row) => row.amount))).toBe(result.tax);
        expect(result.total).toBe(result.taxableTotal + result.tax);
        expect(result.taxableTotal).toBe(result.subtotal - result.documentDiscount);
        for (const row of result.taxBreakdown) {
          const lineAmounts = result.lines.flatMap((l) => l.taxes.filter((t) => t.id === row.id).map((t) => t.amount));
          expect(row.amount).toBe(sum(lineAmounts));
        }
        result.lines.forEach((l, index) => {
          const given = input.lines[index];
          if (!given) throw new Error("line missing");
          // gross is within 1/2 of quantity × price (quantity is scaled by 10,000)
          expect(2n * abs(given.quantity * given.unitPrice - l.gross * 10000n) <= 10000n).toBe(true);
          expect(l.net).toBe(l.gross - l.discount);
          expect(l.discount >= 0n && l.discount <= l.gross).toBe(true);
          expect(l.taxable).toBe(l.net - l.documentDiscount);
          expect(l.tax).toBe(sum(l.taxes.map((t) => t.amount)));
          expect(l.total).toBe(l.taxable + l.tax);
          // each rate rounded at the line, compound rates on top of the simple ones
          const simple = given.taxes.filter((t) => !t.compound).map((t) => applyPercent(l.taxable, t.percent));
          given.taxes.forEach((tax, taxIndex) => {
            const base = tax.compound ? l.taxable + sum(simple) : l.taxable;
            expect(l.taxes[taxIndex]).toEqual({ id: tax.id, amount: applyPercent(base, tax.percent) });
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it("(e) the document discount allocated over the lines sums exactly to the discount", () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const result = calculateInvoice(input);
        const expected = !input.discount ? 0n : input.discount.kind === "fixed" ? input.discount.amount : applyPercent(result.subtotal, input.discount.percent);
        expect(result.documentDiscount).toBe(expected);
        expect(sum(result.lines.map((l) => l.documentDiscount))).toBe(expected);
        for (const l of result.lines) {
          // each share is within 1 of its exact proportional share, and never more than the line's net
          if (result.subtotal > 0n) expect(abs(l.documentDiscount * result.subtotal - expected * l.net) < result.subtotal).toBe(true);
          expect(l.documentDiscount >= 0n && l.documentDiscount <= l.net).toBe(true);
          expect(l.taxable >= 0n).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same minor units whatever the currency's exponent", () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const { currency: _, ...usd } = calculateInvoice({ ...input, currency: "USD" });
        const { currency: __, ...jpy } = calculateInvoice({ ...input, currency: "JPY" });
        const { currency: ___, ...kwd } = calculateInvoice({ ...input, currency: "KWD" });
        expect(jpy).toEqual(usd);
        expect(kwd).toEqual(usd);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from "vitest";
import { calculateInvoice, type InvoiceLineInput, type InvoiceTaxInput } from "@/lib/invoices/calculate";
import { formatMoney } from "@/lib/money";

const gst: InvoiceTaxInput = { id: "gst", name: "GST", percent: 5000n, compound: false };
const pst: InvoiceTaxInput = { id: "pst", name: "PST", percent: 7000n, compound: false };
const qst: InvoiceTaxInput = { id: "qst", name: "QST", percent: 9975n, compound: true };
const vat10: InvoiceTaxInput = { id: "vat10", name: "VAT 10%", percent: 10000n, compound: false };
const line = (quantity: bigint, unitPrice: bigint, taxes: InvoiceTaxInput[], discountPercent?: bigint): InvoiceLineInput => ({ quantity, unitPrice, taxes, discountPercent });

describe("calculateInvoice by hand", () => {
  it("USD: a line discount, two rates and a compound tax, rounded at the line", () => {
    const result = calculateInvoice({
      currency: "USD",
      lines: [line(30000n, 1999n, [gst, pst, qst], 10000n), line(15000n, 12000n, [gst])],
    });
    // 3 × $19.99 = 59.97, −10% = 6.00 (5.997), net 53.97; GST 2.70 (2.6985), PST 3.78 (3.7779),
    // QST 9.975% of 53.97 + 2.70 + 3.78 = 60.45 → 6.03 (6.0298875).
    expect(result.lines[0]).toEqual({ gross: 5997n, discount: 600n, net: 5397n, documentDiscount: 0n, taxable: 5397n, taxes: [{ id: "gst", amount: 270n }, { id: "pst", amount: 378n }, { id: "qst", amount: 603n }], tax: 1251n, total: 6648n });
    // 1.5 × $120.00 = 180.00; GST 9.00
    expect(result.lines[1]).toEqual({ gross: 18000n, discount: 0n, net: 18000n, documentDiscount: 0n, taxable: 18000n, taxes: [{ id: "gst", amount: 900n }], tax: 900n, total: 18900n });
    expect(result.taxBreakdown).toEqual([
      { id: "gst", name: "GST", percent: 5000n, taxable: 23397n, amount: 1170n },
      { id: "pst", name: "PST", percent: 7000n, taxable: 5397n, amount: 378n },
      { id: "qst", name: "QST", percent: 9975n, taxable: 6045n, amount: 603n },
    ]);
    expect(result).toMatchObject({ currency: "USD", subtotal: 23397n, documentDiscount: 0n, taxableTotal: 23397n, tax: 2151n, total: 25548n });
    expect(formatMoney(result.total, "USD")).toBe("$255.48");
  });

  it("JPY: zero decimals, halves rounded away from zero", () => {
    const reduced: InvoiceTaxInput = { id: "jp8", name: "Reduced 8%", percent: 8000n, compound: false };
    const result = calculateInvoice({ currency: "JPY", lines: [line(30000n, 1980n, [vat10]), line(5000n, 333n, [reduced])] });
    // 3 × ¥1,980 = 5,940, tax 594; 0.5 × ¥333 = 166.5 → 167, tax 13.36 → 13
    expect(result.lines.map((l) => [l.gross, l.tax, l.total])).toEqual([[5940n, 594n, 6534n], [167n, 13n, 180n]]);
    expect(result).toMatchObject({ subtotal: 6107n, tax: 607n, total: 6714n });
    expect(formatMoney(result.total, "JPY")).toBe("¥6,714");
  });

  it("KWD: three decimals", () => {
    const result = calculateInvoice({ currency: "KWD", lines: [line(22500n, 1333n, [{ ...gst, percent: 5000n }])], discount: { kind: "percent", percent: 12500n } });
    // 2.25 × 1.333 = 2.99925 → 2.999; −12.5% = 0.374875 → 0.375; taxable 2.624; 5% = 0.1312 → 0.131
    expect(result.lines[0]).toMatchObject({ gross: 2999n, net: 2999n, documentDiscount: 375n, taxable: 2624n, tax: 131n, total: 2755n });
    expect(result).toMatchObject({ subtotal: 2999n, documentDiscount: 375n, taxableTotal: 2624n, tax: 131n, total: 2755n });
    expect(formatMoney(result.total, "KWD")).toMatch(/2\.755/);
  });

  it("a fixed document discount that does not divide evenly is allocated before tax, to the unit", () => {
    const lines = [line(10000n, 1000n, [vat10]), line(10000n, 1000n, [vat10]), line(10000n, 1000n, [vat10])];
    const result = calculateInvoice({ currency: "USD", lines, discount: { kind: "fixed", amount: 100n } });
    expect(result.lines.map((l) => l.documentDiscount)).toEqual([34n, 33n, 33n]);
    expect(result.lines.map((l) => l.taxable)).toEqual([966n, 967n, 967n]);
    // 96.6 → 97, 96.7 → 97, 96.7 → 97: tax is the sum of the line taxes (291), not 10% of 2900 (290).
    expect(result.lines.map((l) => l.tax)).toEqual([97n, 97n, 97n]);
    expect(result).toMatchObject({ subtotal: 3000n, documentDiscount: 100n, taxableTotal: 2900n, tax: 291n, total: 3191n });
    expect(result.taxBreakdown).toEqual([{ id: "vat10", name: "VAT 10%", percent: 10000n, taxable: 2900n, amount: 291n }]);
  });

  it("allocates a document discount in proportion to uneven nets", () => {
    const result = calculateInvoice({ currency: "USD", lines: [line(10000n, 333n, []), line(10000n, 667n, [])], discount: { kind: "fixed", amount: 10n } });
    expect(result.lines.map((l) => l.documentDiscount)).toEqual([3n, 7n]);
    expect(result.total).toBe(990n);
  });

  it("a 0% line and a line without taxes", () => {
    const zero: InvoiceTaxInput = { id: "zero", name: "Zero-rated", percent: 0n, compound: false };
    const result = calculateInvoice({ currency: "USD", lines: [line(20000n, 2550n, [zero]), line(10000n, 100n, [])] });
    expect(result.lines[0]).toMatchObject({ gross: 5100n, taxes: [{ id: "zero", amount: 0n }], tax: 0n, total: 5100n });
    expect(result.taxBreakdown).toEqual([{ id: "zero", name: "Zero-rated", percent: 0n, taxable: 5100n, amount: 0n }]);
    expect(result).toMatchObject({ subtotal: 5200n, tax: 0n, total: 5200n });
  });

  it("an empty invoice is all zeros, and a full discount leaves nothing to tax", () => {
    expect(calculateInvoice({ currency: "USD", lines: [] })).toEqual({ currency: "USD", lines: [], subtotal: 0n, documentDiscount: 0n, taxableTotal: 0n, taxBreakdown: [], tax: 0n, total: 0n });
    const full = calculateInvoice({ currency: "USD", lines: [line(10000n, 999n, [vat10], 100000n)] });
    expect(full.lines[0]).toMatchObject({ gross: 999n, discount: 999n, net: 0n, tax: 0n, total: 0n });
  });
});

describe("calculateInvoice refuses", () => {
  const ok = line(10000n, 1000n, [vat10]);
  it.each([
    ["quantity 0", { currency: "USD", lines: [line(0n, 1000n, [])] }, /Line 1: quantity must be more than 0/],
    ["a negative quantity", { currency: "USD", lines: [ok, line(-10000n, 1000n, [])] }, /Line 2: quantity/],
    ["a negative unit price", { currency: "USD", lines: [line(10000n, -1n, [])] }, /unit price cannot be negative/],
    ["a line discount over 100%", { currency: "USD", lines: [line(10000n, 1000n, [], 100001n)] }, /discount must be between 0% and 100%/],
    ["a negative line discount", { currency: "USD", lines: [line(10000n, 1000n, [], -1n)] }, /discount must be between/],
    ["a tax over 100%", { currency: "USD", lines: [line(10000n, 1000n, [{ ...vat10, percent: 100001n }])] }, /tax "VAT 10%" must be between/],
    ["a negative tax", { currency: "USD", lines: [line(10000n, 1000n, [{ ...vat10, percent: -1n }])] }, /must be between/],
    ["a tax listed twice on a line", { currency: "USD", lines: [line(10000n, 1000n, [vat10, vat10])] }, /listed twice/],
    ["one tax id with two rates", { currency: "USD", lines: [ok, line(10000n, 1000n, [{ ...vat10, percent: 9000n }])] }, /two different rates/],
    ["a fixed discount over the subtotal", { currency: "USD", lines: [ok], discount: { kind: "fixed", amount: 1001n } }, /more than the subtotal/],
    ["a negative fixed discount", { currency: "USD", lines: [ok], discount: { kind: "fixed", amount: -1n } }, /cannot be negative/],
    ["a document discount over 100%", { currency: "USD", lines: [ok], discount: { kind: "percent", percent: 100001n } }, /Invoice discount must be between/],
    ["a malformed currency", { currency: "usd", lines: [ok] }, /ISO 4217/],
  ] as const)("%s", (_, input, message) => {
    expect(() => calculateInvoice(input)).toThrow(RangeError);
    expect(() => calculateInvoice(input)).toThrow(message);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { liveLineNet, liveTotals, type LiveTotalsInput } from "@/components/invoices/editor/live-totals";
import { calculateInvoice } from "@/lib/invoices/calculate";
import type { EditorTaxRate } from "@/lib/invoices/editor-options";
import { invoiceDraftSchema, type InvoiceLineFormValues } from "@/lib/invoices/schemas";
import { formatMoney, minorToDecimalString } from "@/lib/money";
import { formatQuantity } from "@/lib/quantity";

const gst: EditorTaxRate = { id: "00000000-0000-4000-8000-000000000005", name: "GST", percent: 5000n, compound: false };
const qst: EditorTaxRate = { id: "00000000-0000-4000-8000-000000009975", name: "QST", percent: 9975n, compound: true };
const rates = [gst, qst];

const line = (values: Partial<InvoiceLineFormValues>): InvoiceLineFormValues => ({
  productId: "",
  description: "Work",
  unit: "",
  quantity: "1",
  unitPrice: "0",
  discountPercent: "",
  taxRateIds: [],
  ...values,
});
const input = (lines: InvoiceLineFormValues[], discount: Partial<LiveTotalsInput> = {}): LiveTotalsInput => ({
  currency: "USD",
  lines,
  discountKind: "none",
  discountValue: "",
  ...discount,
});

describe("live totals", () => {
  it("computes the text as typed exactly as the server will, with a breakdown per rate", () => {
    const lines = [
      line({ quantity: "3", unitPrice: "19.99", discountPercent: "10", taxRateIds: [gst.id, qst.id] }),
      line({ quantity: "1.5", unitPrice: "1,200", taxRateIds: [gst.id] }),
    ];
    const totals = liveTotals(input(lines, { discountKind: "fixed", discountValue: "10.00" }), rates);
    expect(totals.uncounted).toEqual([]);
    expect(totals.discountError).toBeNull();
    // 3 × 19.99 − 10% = 53.97 and 1,800.00: the $10 is spread 0.29 / 9.71 before tax
    expect(totals.calculation).toMatchObject({ subtotal: 185397n, documentDiscount: 1000n, taxableTotal: 184397n });
    expect(totals.calculation?.taxBreakdown.map((row) => [row.name, row.taxable, row.amount])).toEqual([
      // 5% of 53.68 = 2.684 → 2.68 plus 5% of 1,790.29 = 89.5145 → 89.51, rounded at each line
      ["GST", 184397n, 9219n],
      // compound: 9.975% of 53.68 + 2.68
      ["QST", 5636n, 562n],
    ]);
    expect(formatMoney(totals.calculation!.total, "USD")).toBe("$1,941.78");
    expect(totals.lines.map((l) => l?.net)).toEqual([5397n, 180000n]);
  });

  it("leaves out lines whose text does not parse yet, and says which", () => {
    const lines = [
      line({ quantity: "2", unitPrice: "10" }),
      line({ quantity: "", unitPrice: "10" }),
      line({ quantity: "1", unitPrice: "10.001" }),
      line({ quantity: "0", unitPrice: "10" }),
      line({ quantity: "1", unitPrice: "-1" }),
      line({ quantity: "1", unitPrice: "5", discountPercent: "120" }),
      line({ quantity: "1", unitPrice: "5", taxRateIds: ["00000000-0000-4000-8000-00000000dead"] }),
      line({ quantity: "1", unitPrice: "5", taxRateIds: [gst.id, gst.id] }),
      line({ quantity: "1", unitPrice: "3" }),
    ];
    const totals = liveTotals(input(lines), rates);
    expect(totals.uncounted).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(totals.lines.map((l) => l?.net ?? null)).toEqual([2000n, null, null, null, null, null, null, null, 300n]);
    expect(totals.calculation?.total).toBe(2300n);
  });

  it("reports a discount it cannot apply and totals without it", () => {
    const lines = [line({ quantity: "1", unitPrice: "10" })];
    const tooBig = liveTotals(input(lines, { discountKind: "fixed", discountValue: "10.01" }), rates);
    expect(tooBig.discountError).toMatch(/more than the subtotal/);
    expect(tooBig.calculation?.total).toBe(1000n);
    expect(liveTotals(input(lines, { discountKind: "percent", discountValue: "abc" }), rates).discountError).toMatch(/Enter a percent/);
    expect(liveTotals(input(lines, { discountKind: "fixed", discountValue: "-1" }), rates).discountError).toMatch(/cannot be negative/);
    // not yet typed: no discount, no complaint
    expect(liveTotals(input(lines, { discountKind: "percent", discountValue: "" }), rates)).toMatchObject({
      discountError: null,
      calculation: { total: 1000n },
    });
    expect(liveTotals(input(lines, { discountKind: "percent", discountValue: "25" }), rates).calculation?.total).toBe(750n);
  });

  it("waits for a known currency, and formats JPY and KWD by their own decimals", () => {
    const lines = [line({ quantity: "2", unitPrice: "1.5" })];
    expect(liveTotals({ ...input(lines), currency: "XX" }, rates)).toMatchObject({ currency: null, calculation: null, lines: [null], uncounted: [0] });
    // 1.5 is not a JPY amount
    expect(liveTotals({ ...input(lines), currency: "JPY" }, rates).uncounted).toEqual([0]);
    expect(liveTotals({ ...input(lines), currency: "KWD" }, rates).calculation?.total).toBe(3000n);
    expect(liveLineNet(line({ quantity: "3", unitPrice: "1980", discountPercent: "10" }), "jpy", rates)).toBe(5346n);
    expect(liveLineNet(line({ quantity: "x" }), "USD", rates)).toBeNull();
    expect(liveLineNet(line({}), "", rates)).toBeNull();
  });

  it("agrees with the server's parse + calculateInvoice for any valid draft", () => {
    const lineArb = fc.record({
      quantity: fc.bigInt({ min: 1n, max: 10_000_000n }),
      unitPrice: fc.bigInt({ min: 0n, max: 100_000_000n }),
      discountPercent: fc.bigInt({ min: 0n, max: 100_000n }),
      taxes: fc.subarray([gst.id, qst.id]),
    });
    fc.assert(
      fc.property(
        fc.constantFrom("USD", "JPY", "KWD"),
        fc.array(lineArb, { minLength: 1, maxLength: 6 }),
        fc.bigInt({ min: 0n, max: 100_000n }),
        (currency, generated, percent) => {
          const formLines = generated.map((g) =>
            line({
              quantity: formatQuantity(g.quantity),
              unitPrice: minorToDecimalString(g.unitPrice, currency),
              discountPercent: minorToPercentText(g.discountPercent),
              taxRateIds: g.taxes,
            }),
          );
          const values = { currency, lines: formLines, discountKind: "percent" as const, discountValue: minorToPercentText(percent) };
          const parsed = invoiceDraftSchema.parse({
            ...values,
            customerId: gst.id,
            confirmCurrency: false,
            issueDate: "2026-01-01",
            dueDate: "2026-01-01",
            poNumber: "",
            templateId: "",
            notes: "",
            terms: "",
            footer: "",
          });
          const byId = new Map(rates.map((rate) => [rate.id, rate]));
          const server = calculateInvoice({
            currency,
            lines: parsed.lines.map((l) => ({
              quantity: l.quantity,
              unitPrice: l.unitPrice,
              discountPercent: l.discountPercent,
              taxes: l.taxRateIds.map((id) => byId.get(id)!),
            })),
            discount: parsed.discount ?? undefined,
          });
          expect(liveTotals(values, rates).calculation).toEqual(server);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function minorToPercentText(thousandths: bigint): string {
  return `${thousandths / 1000n}.${(thousandths % 1000n).toString().padStart(3, "0")}`;
}

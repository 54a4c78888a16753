import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditLineAmounts, NOTHING_CREDITED, type CreditableLine, type CreditedSoFar } from "@/lib/credit-notes/amounts";
import { roundHalfAwayFromZero } from "@/lib/money";

/** Credits `parts` of the line one after another, as successive credit notes would. */
function creditInParts(line: CreditableLine, parts: bigint[]) {
  let credited: CreditedSoFar = NOTHING_CREDITED;
  return parts.map((quantity) => {
    const amounts = creditLineAmounts(line, credited, quantity);
    credited = { quantity: credited.quantity + quantity, net: credited.net + amounts.net, tax: credited.tax + amounts.tax };
    return amounts;
  });
}

/** A line quantity and a split of it into 1–8 positive parts. */
const lineAndSplit = fc
  .record({
    quantity: fc.bigInt({ min: 1n, max: 1_000_000n }),
    taxable: fc.bigInt({ min: 0n, max: 10_000_000_000n }),
    taxPercent: fc.bigInt({ min: 0n, max: 100_000n }),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 7 }),
  })
  .map(({ quantity, taxable, taxPercent, cuts }) => {
    // cut points as whole quantities; duplicates and the ends dropped, so every part is > 0
    const points = [...new Set(cuts.map((cut) => BigInt(Math.floor(cut * Number(quantity)))))].filter((p) => p > 0n && p < quantity).sort((a, b) => (a < b ? -1 : 1));
    const bounds = [0n, ...points, quantity];
    const parts = bounds.slice(1).map((end, index) => end - (bounds[index] ?? 0n));
    const tax = roundHalfAwayFromZero(taxable * taxPercent, 100_000n);
    return { line: { quantity, taxable, tax }, parts };
  });

describe("creditLineAmounts", () => {
  it("credits a whole line in one note exactly", () => {
    expect(creditLineAmounts({ quantity: 30_000n, taxable: 100_00n, tax: 16_00n }, NOTHING_CREDITED, 30_000n)).toEqual({ net: 100_00n, tax: 16_00n, total: 116_00n });
  });

  it("takes the rounded proportional share for part of a line, and the exact remainder at the end", () => {
    const line = { quantity: 30_000n, taxable: 100_00n, tax: 16_00n };
    const [first, second, last] = creditInParts(line, [10_000n, 10_000n, 10_000n]);
    expect(first).toEqual({ net: 33_33n, tax: 5_33n, total: 38_66n });
    expect(second).toEqual({ net: 33_34n, tax: 5_34n, total: 38_68n });
    expect(last).toEqual({ net: 33_33n, tax: 5_33n, total: 38_66n });
  });

  it("never goes negative where halves round up (4 parts of 2 minor units)", () => {
    const parts = creditInParts({ quantity: 40_000n, taxable: 2n, tax: 0n }, [10_000n, 10_000n, 10_000n, 10_000n]);
    expect(parts.map((part) => part.net)).toEqual([1n, 0n, 1n, 0n]);
  });

  it("refuses a zero quantity or more than is left", () => {
    const line = { quantity: 20_000n, taxable: 10_00n, tax: 0n };
    expect(() => creditLineAmounts(line, NOTHING_CREDITED, 0n)).toThrow(RangeError);
    expect(() => creditLineAmounts(line, { quantity: 15_000n, net: 7_50n, tax: 0n }, 5_001n)).toThrow(RangeError);
  });

  it("property: notes that together credit the whole line sum to its figures exactly, each part ≥ 0 and within 1 of its share", () => {
    fc.assert(
      fc.property(lineAndSplit, ({ line, parts }) => {
        const credited = creditInParts(line, parts);
        const sum = (pick: (row: { net: bigint; tax: bigint; total: bigint }) => bigint) => credited.reduce((total, row) => total + pick(row), 0n);
        expect(sum((row) => row.net)).toBe(line.taxable);
        expect(sum((row) => row.tax)).toBe(line.tax);
        expect(sum((row) => row.total)).toBe(line.taxable + line.tax);
        credited.forEach((row, index) => {
          const quantity = parts[index] ?? 0n;
          expect(row.net).toBeGreaterThanOrEqual(0n);
          expect(row.tax).toBeGreaterThanOrEqual(0n);
          expect(row.total).toBe(row.net + row.tax);
          // |net × Q − taxable × q| ≤ Q: within one minor unit of the exact share
          const gap = row.net * line.quantity - line.taxable * quantity;
          expect(gap <= line.quantity && gap >= -line.quantity).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});

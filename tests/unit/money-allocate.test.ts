import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, splitEvenly } from "@/lib/money";

const abs = (value: bigint) => (value < 0n ? -value : value);
const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n);
const total = fc.oneof(fc.bigInt({ min: -(2n ** 90n), max: 2n ** 90n }), fc.bigInt({ min: -1000n, max: 1000n }));
const weight = fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 100n }), fc.bigInt({ min: 0n, max: 2n ** 70n }));
const weights = fc.array(weight, { minLength: 1, maxLength: 25 });

describe("allocate", () => {
  it.each([
    [100n, [1n, 1n, 1n], [34n, 33n, 33n]],
    [-100n, [1n, 1n, 1n], [-34n, -33n, -33n]],
    [1n, [1n, 1n], [1n, 0n]],
    [10n, [333n, 667n], [3n, 7n]],
    [5n, [0n, 1n, 0n], [0n, 5n, 0n]],
    [5n, [0n, 0n], [3n, 2n]],
    [-5n, [0n, 0n, 0n], [-2n, -2n, -1n]],
    [0n, [3n, 4n], [0n, 0n]],
    [7n, [2n, 1n, 1n], [3n, 2n, 2n]], // 3.5, 1.75, 1.75: the two .75 remainders win
    [2n ** 60n + 1n, [1n, 1n], [2n ** 59n + 1n, 2n ** 59n]],
  ])("allocate(%s, [%s]) → [%s]", (amount, parts, expected) => {
    expect(allocate(amount, parts)).toEqual(expected);
  });

  it("refuses negative weights and a non-zero total over no parts", () => {
    expect(() => allocate(10n, [1n, -1n])).toThrow(RangeError);
    expect(() => allocate(10n, [])).toThrow(RangeError);
    expect(allocate(0n, [])).toEqual([]);
  });

  it("never loses or invents a unit, and every part is within 1 of its exact share", () => {
    fc.assert(
      fc.property(total, weights, (amount, parts) => {
        const result = allocate(amount, parts);
        expect(result).toHaveLength(parts.length);
        expect(sum(result)).toBe(amount);
        const weightSum = sum(parts);
        result.forEach((part, index) => {
          const w = weightSum === 0n ? 1n : (parts[index] ?? 0n);
          const W = weightSum === 0n ? BigInt(parts.length) : weightSum;
          // |part − amount·w/W| < 1  ⇔  |part·W − amount·w| < W
          expect(abs(part * W - amount * w) < W).toBe(true);
          // never the opposite sign of the total
          expect(part === 0n || part < 0n === amount < 0n).toBe(true);
          if (weightSum !== 0n && w === 0n) expect(part).toBe(0n);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("splits a negative total as the mirror image of the positive one", () => {
    fc.assert(
      fc.property(total, weights, (amount, parts) => {
        expect(allocate(-amount, parts)).toEqual(allocate(amount, parts).map((part) => -part));
      }),
      { numRuns: 300 },
    );
  });
});

describe("splitEvenly", () => {
  it("gives the larger parts first", () => {
    expect(splitEvenly(10n, 3)).toEqual([4n, 3n, 3n]);
    expect(splitEvenly(-10n, 4)).toEqual([-3n, -3n, -2n, -2n]);
    expect(splitEvenly(0n, 2)).toEqual([0n, 0n]);
  });

  it("refuses zero or fractional part counts", () => {
    expect(() => splitEvenly(10n, 0)).toThrow(RangeError);
    expect(() => splitEvenly(10n, 1.5)).toThrow(RangeError);
    expect(() => splitEvenly(10n, -2)).toThrow(RangeError);
  });

  it("sums exactly and parts differ by at most 1", () => {
    fc.assert(
      fc.property(total, fc.integer({ min: 1, max: 50 }), (amount, n) => {
        const parts = splitEvenly(amount, n);
        expect(parts).toHaveLength(n);
        expect(sum(parts)).toBe(amount);
        const sorted = [...parts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(abs((sorted.at(-1) ?? 0n) - (sorted[0] ?? 0n)) <= 1n).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

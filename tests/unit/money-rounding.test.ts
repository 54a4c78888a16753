import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundHalfAwayFromZero } from "@/lib/money";

const abs = (value: bigint) => (value < 0n ? -value : value);
const huge = fc.bigInt({ min: -(2n ** 96n), max: 2n ** 96n });
const nonZero = fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 70n }), fc.bigInt({ min: -(2n ** 70n), max: -1n }), fc.bigInt({ min: -20n, max: 20n }).filter((d) => d !== 0n));

describe("roundHalfAwayFromZero", () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [7n, 3n, 2n],
    [-7n, 3n, -2n],
    [8n, 3n, 3n],
    [1n, 2n, 1n],
    [-1n, 2n, -1n],
    [1n, 3n, 0n],
    [-1n, 3n, 0n],
    [0n, 5n, 0n],
    [149n, 100n, 1n],
    [150n, 100n, 2n],
    [-150n, 100n, -2n],
    [2n ** 64n + 1n, 2n, 2n ** 63n + 1n],
  ])("%s / %s → %s", (numerator, denominator, expected) => {
    expect(roundHalfAwayFromZero(numerator, denominator)).toBe(expected);
  });

  it("refuses a zero denominator", () => {
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });

  it("is within 1/2 of the exact quotient, and ties go away from zero", () => {
    fc.assert(
      fc.property(huge, nonZero, (n, d) => {
        const r = roundHalfAwayFromZero(n, d);
        // |n/d − r| ≤ 1/2  ⇔  2·|n − r·d| ≤ |d|
        const error = 2n * abs(n - r * d);
        expect(error <= abs(d)).toBe(true);
        // On a tie the result is the one further from zero: |r| ≥ |n/d| ⇔ |r·d| ≥ |n|
        if (error === abs(d)) expect(abs(r * d) > abs(n)).toBe(true);
        // The result never has the opposite sign of the quotient.
        if (r !== 0n) expect(r < 0n).toBe(n < 0n !== d < 0n);
      }),
      { numRuns: 300 },
    );
  });

  it("rounds every exact half away from zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 80n }), fc.bigInt({ min: 1n, max: 2n ** 40n }), fc.boolean(), (m, half, negative) => {
        // n/d = ±(m + 1/2)
        const n = (2n * m + 1n) * half;
        const d = 2n * half;
        expect(roundHalfAwayFromZero(negative ? -n : n, d)).toBe(negative ? -(m + 1n) : m + 1n);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyExponent, minorToDecimalString, parseMoney } from "@/lib/money";

const amounts = fc.oneof(fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }), fc.bigInt({ min: -100000n, max: 100000n }));

describe("parseMoney ∘ minorToDecimalString", () => {
  it.each([
    ["JPY", 0],
    ["USD", 2],
    ["KWD", 3],
  ])("round-trips every amount in %s (exponent %s)", (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
    fc.assert(
      fc.property(amounts, (minor) => {
        const text = minorToDecimalString(minor, currency);
        expect(text.startsWith("-0") && !text.startsWith("-0.")).toBe(false);
        expect(text.split(".")[1]?.length ?? 0).toBe(exponent);
        expect(parseMoney(text, currency)).toEqual({ ok: true, minor });
      }),
      { numRuns: 300 },
    );
  });
});

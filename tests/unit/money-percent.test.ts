import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPercent, parsePercent, percentToDecimalString, safeParsePercent } from "@/lib/money";

describe("parsePercent", () => {
  it.each([
    ["16.000", 16000n],
    ["8.875", 8875n],
    ["16", 16000n],
    [" 7.25 ", 7250n],
    ["0", 0n],
    ["0.001", 1n],
    ["100", 100000n],
    ["12.5%", 12500n],
  ])("%s → %s", (text, expected) => {
    expect(parsePercent(text)).toBe(expected);
  });

  it("refuses junk, more than 3 decimals, negatives and more than 100", () => {
    expect(safeParsePercent("abc")).toEqual({ ok: false, error: "Enter a percent such as 16 or 8.875." });
    expect(safeParsePercent("8.8755")).toEqual({ ok: false, error: "A percent has at most 3 decimals." });
    expect(safeParsePercent("-1")).toEqual({ ok: false, error: "A percent cannot be negative." });
    expect(safeParsePercent("100.001")).toEqual({ ok: false, error: "A percent cannot be more than 100." });
    expect(safeParsePercent("1e2").ok).toBe(false);
    expect(safeParsePercent("").ok).toBe(false);
    expect(() => parsePercent("101")).toThrow(RangeError);
    expect(() => parsePercent("101")).toThrow(/more than 100/);
  });

  it("allows more than 100 when asked", () => {
    expect(parsePercent("250", { allowOver100: true })).toBe(250000n);
  });

  it("round-trips through percentToDecimalString", () => {
    expect(percentToDecimalString(8875n)).toBe("8.875");
    expect(percentToDecimalString(16000n)).toBe("16");
    expect(percentToDecimalString(500n)).toBe("0.5");
    expect(percentToDecimalString(0n)).toBe("0");
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 100000n }), (percent) => {
        expect(parsePercent(percentToDecimalString(percent))).toBe(percent);
      }),
      { numRuns: 300 },
    );
  });
});

describe("applyPercent", () => {
  it.each([
    [10000n, 16000n, 1600n], // 16% of $100.00
    [1999n, 8875n, 177n], // 177.41…
    [10n, 5000n, 1n], // 0.5 → 1, half away from zero
    [-10n, 5000n, -1n], // −0.5 → −1
    [30n, 5000n, 2n], // 1.5 → 2
    [12345n, 0n, 0n],
    [12345n, 100000n, 12345n],
  ])("%s × %s thousandths of a percent → %s", (amount, percent, expected) => {
    expect(applyPercent(amount, percent)).toBe(expected);
  });

  it("never gives more than the amount for percents up to 100", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 80n }), fc.bigInt({ min: 0n, max: 100000n }), (amount, percent) => {
        const result = applyPercent(amount, percent);
        expect(result >= 0n && result <= amount).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatQuantity, parseQuantity, safeParseQuantity } from "@/lib/quantity";

describe("parseQuantity", () => {
  it.each([
    ["1.5", 15000n],
    ["1", 10000n],
    ["0.0001", 1n],
    ["2.25", 22500n],
    [" 1,000.5 ", 10005000n],
    [".5", 5000n],
    ["0", 0n],
    ["123456789012.3456", 1234567890123456n],
  ])("%s → %s", (text, expected) => {
    expect(parseQuantity(text)).toBe(expected);
  });

  it("refuses more than 4 decimals, junk and negatives unless allowed", () => {
    expect(safeParseQuantity("1.23456")).toEqual({ ok: false, error: "A quantity has at most 4 decimals." });
    expect(safeParseQuantity("abc")).toEqual({ ok: false, error: "Enter a quantity such as 1, 2.5 or 0.25." });
    expect(safeParseQuantity("-2")).toEqual({ ok: false, error: "A quantity cannot be negative." });
    for (const junk of ["", "1e3", "1.2.3", "--1", "0x10", "½"]) expect(safeParseQuantity(junk).ok).toBe(false);
    expect(() => parseQuantity("1.23456")).toThrow(RangeError);
    expect(parseQuantity("-2.5", { allowNegative: true })).toBe(-25000n);
  });
});

describe("formatQuantity", () => {
  it.each([
    [15000n, "1.5"],
    [20000n, "2"],
    [1n, "0.0001"],
    [0n, "0"],
    [-25000n, "-2.5"],
    [1234567890123456n, "123456789012.3456"],
  ])("%s → %s", (scaled, expected) => {
    expect(formatQuantity(scaled)).toBe(expected);
  });

  it("round-trips through parseQuantity", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), (scaled) => {
        expect(parseQuantity(formatQuantity(scaled), { allowNegative: true })).toBe(scaled);
      }),
      { numRuns: 300 },
    );
  });
});

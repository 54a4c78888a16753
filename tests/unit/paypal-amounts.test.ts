import { describe, expect, it } from "vitest";
import { fromPayPalAmount, fromPayPalValue, toPayPalAmount } from "@/lib/gateways/paypal/amounts";

describe("PayPal amounts", () => {
  it("writes minor units in the currency's own decimals", () => {
    expect(toPayPalAmount(1250n, "USD")).toEqual({ currency_code: "USD", value: "12.50" });
    expect(toPayPalAmount(5n, "USD")).toEqual({ currency_code: "USD", value: "0.05" });
    expect(toPayPalAmount(1200n, "JPY")).toEqual({ currency_code: "JPY", value: "1200" });
    expect(toPayPalAmount(1250n, "KWD")).toEqual({ currency_code: "KWD", value: "1.250" });
    expect(toPayPalAmount(9_007_199_254_740_993n, "USD").value).toBe("90071992547409.93");
  });

  it("reads PayPal's strings back exactly", () => {
    expect(fromPayPalValue("12.50", "USD")).toBe(1250n);
    expect(fromPayPalValue("12.5", "USD")).toBe(1250n);
    expect(fromPayPalValue("12", "USD")).toBe(1200n);
    expect(fromPayPalValue("1200", "JPY")).toBe(1200n);
    expect(fromPayPalValue("1.250", "KWD")).toBe(1250n);
    expect(fromPayPalValue("0.001", "KWD")).toBe(1n);
    expect(fromPayPalValue("90071992547409.93", "USD")).toBe(9_007_199_254_740_993n);
    expect(fromPayPalAmount({ currency_code: "usd", value: "0.10" })).toEqual({ amount: 10n, currency: "USD" });
  });

  it("round-trips", () => {
    for (const [minor, currency] of [[1n, "USD"], [999_999n, "JPY"], [123_456n, "KWD"], [0n, "USD"]] as const) {
      expect(fromPayPalAmount(toPayPalAmount(minor, currency))).toEqual({ amount: minor, currency });
    }
  });

  it("refuses what is not a whole number of minor units", () => {
    expect(() => fromPayPalValue("12.505", "USD")).toThrow(RangeError);
    expect(() => fromPayPalValue("12.5", "JPY")).toThrow(RangeError);
    expect(() => fromPayPalValue("1.2345", "KWD")).toThrow(RangeError);
    expect(() => fromPayPalValue("-1.00", "USD")).toThrow(RangeError);
    expect(() => fromPayPalValue("1e3", "USD")).toThrow(RangeError);
    expect(() => toPayPalAmount(-1n, "USD")).toThrow(RangeError);
  });

  it("accepts trailing zeros beyond the exponent only when they are zeros", () => {
    expect(fromPayPalValue("1200.00", "JPY")).toBe(1200n);
  });
});

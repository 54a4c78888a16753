import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, minorToDecimalString, parseMoney } from "@/lib/money";

describe("money", () => {
  it("knows each currency's exponent", () => {
    expect(currencyExponent("USD")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("KWD")).toBe(3);
  });

  it("parses user input into minor units without floats", () => {
    expect(parseMoney("1,234.50", "USD")).toEqual({ ok: true, minor: 123450n });
    expect(parseMoney("0.1", "USD")).toEqual({ ok: true, minor: 10n });
    expect(parseMoney("12", "KWD")).toEqual({ ok: true, minor: 12000n });
    expect(parseMoney("1 000", "JPY")).toEqual({ ok: true, minor: 1000n });
    expect(parseMoney("90071992547409.93", "USD")).toEqual({ ok: true, minor: 9007199254740993n });
    expect(parseMoney("-5", "USD")).toEqual({ ok: true, minor: -500n });
  });

  it("refuses more decimals than the currency has, and junk", () => {
    expect(parseMoney("1.005", "USD").ok).toBe(false);
    expect(parseMoney("1.5", "JPY")).toEqual({ ok: false, error: "JPY has no decimal places." });
    expect(parseMoney("abc", "USD").ok).toBe(false);
    expect(parseMoney("1e5", "USD").ok).toBe(false);
  });

  it("formats minor units back exactly", () => {
    expect(minorToDecimalString(5n, "USD")).toBe("0.05");
    expect(minorToDecimalString(-123450n, "USD")).toBe("-1234.50");
    expect(minorToDecimalString(1000n, "JPY")).toBe("1000");
    expect(formatMoney(123450n, "USD")).toBe("$1,234.50");
    expect(formatMoney(9007199254740993n, "USD")).toBe("$90,071,992,547,409.93");
  });
});

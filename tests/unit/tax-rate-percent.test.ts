import { describe, expect, it } from "vitest";
import { formatPercent, toStoredPercent } from "@/lib/tax-rates/percent";
import { taxRateFieldsSchema } from "@/lib/tax-rates/schemas";

describe("toStoredPercent", () => {
  it.each([
    ["16", "16.000"],
    ["8.875", "8.875"],
    ["0", "0.000"],
    ["0.5", "0.500"],
    ["100", "100.000"],
    ["100.000", "100.000"],
    [" 7.25 ", "7.250"],
    ["007", "7.000"],
  ])("%j → %s", (text, stored) => {
    expect(toStoredPercent(text)).toBe(stored);
  });

  it.each(["8.8755", "-1", "101", "100.001", "abc", "", "1e2", "8,875", ".5", "5.", "Infinity", "0x10"])("refuses %j", (text) => {
    expect(toStoredPercent(text)).toBeNull();
  });

  it("accepts a trailing percent sign, as people type it", () => {
    expect(toStoredPercent("16%")).toBe("16.000");
  });

  it("keeps exact decimals that a float would not", () => {
    expect(toStoredPercent("8.875")).toBe("8.875");
    expect(toStoredPercent("0.001")).toBe("0.001");
  });

  it("formats stored values for display", () => {
    expect(["16.000", "8.875", "8.500", "0.000", "100.000", "10.000"].map(formatPercent)).toEqual(["16", "8.875", "8.5", "0", "100", "10"]);
  });
});

describe("taxRateFieldsSchema", () => {
  it("parses a form into exact values", () => {
    expect(taxRateFieldsSchema.parse({ name: " VAT ", percent: "16", country: "ke", compound: false })).toEqual({ name: "VAT", percent: "16.000", country: "KE", compound: false });
    expect(taxRateFieldsSchema.parse({ name: "Levy", percent: "0", country: "", compound: true })).toEqual({ name: "Levy", percent: "0.000", country: null, compound: true });
  });

  it("puts errors on the fields", () => {
    const result = taxRateFieldsSchema.safeParse({ name: "", percent: "8.8755", country: "Kenya", compound: "yes" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "percent", "country", "compound"]));
  });
});

import { describe, expect, it } from "vitest";
import { formatDocumentNumber, numberFormatError, numberFormatErrorForReset, numberFormatExample } from "@/lib/settings/number-format";

const date = new Date("2026-03-09T12:00:00Z");

describe("formatDocumentNumber", () => {
  it.each([
    ["INV-{YYYY}-{SEQ:5}", 42, "INV-2026-00042"],
    ["INV-{YY}{MM}-{SEQ}", 7, "INV-2603-7"],
    ["{SEQ:3}", 12345, "12345"],
    ["CN/{YYYY}/{MM}/{SEQ:10}", 1, "CN/2026/03/0000000001"],
    ["#{SEQ:1}", 9, "#9"],
  ])("%s with %i → %s", (format, seq, expected) => {
    expect(formatDocumentNumber(format, { date, seq })).toBe(expected);
  });

  it("uses calendar fields in UTC", () => {
    expect(formatDocumentNumber("{YYYY}-{MM}-{SEQ}", { date: new Date("2026-12-31T23:30:00-05:00"), seq: 1 })).toBe("2027-01-1");
  });
});

describe("numberFormatError", () => {
  it.each(["INV-{YYYY}-{SEQ:5}", "{SEQ}", "A{SEQ:10}", "INV_{YY}.{MM}#{SEQ:1}"])("accepts %s", (format) => {
    expect(numberFormatError(format)).toBeNull();
  });

  it.each([
    ["", /Enter a format/],
    ["INV-{YYYY}", /Include the sequence number/],
    ["INV-{SEQ}-{SEQ}", /only once/],
    ["INV-{SEQ:0}", /between 1 and 10/],
    ["INV-{SEQ:11}", /between 1 and 10/],
    ["INV-{DD}-{SEQ}", /Unknown token \{DD\}/],
    ["INV-{seq}", /Unknown token/],
    ["INV-{SEQ", /matching \}/],
    ["INV {SEQ}", /letters, digits/],
    ["<b>{SEQ}</b>", /letters, digits/],
    [`${"X".repeat(40)}{SEQ}`, /at most 40/],
  ])("refuses %j", (format, message) => {
    expect(numberFormatError(format)).toMatch(message);
  });

  it("requires the period of a resetting series in the format", () => {
    expect(numberFormatErrorForReset("INV-{SEQ}", "never")).toBeNull();
    expect(numberFormatErrorForReset("INV-{SEQ}", "yearly")).toMatch(/\{YYYY\}/);
    expect(numberFormatErrorForReset("INV-{YY}-{SEQ}", "yearly")).toBeNull();
    expect(numberFormatErrorForReset("INV-{YYYY}-{SEQ}", "monthly")).toMatch(/\{MM\}/);
    expect(numberFormatErrorForReset("INV-{YYYY}{MM}-{SEQ}", "monthly")).toBeNull();
  });

  it("gives the live example or the problem", () => {
    expect(numberFormatExample("INV-{YYYY}-{SEQ:4}", date)).toEqual({ ok: true, example: "INV-2026-0001" });
    expect(numberFormatExample("INV-{YYYY}", date)).toMatchObject({ ok: false });
  });
});

import { describe, expect, it } from "vitest";
import { changeTenths, formatChange } from "@/lib/dashboard/cards";
import { dashboardQuery, MAX_MONTHS, parseDashboardParams } from "@/lib/dashboard/params";
import { addMonthsStart, monthEnd, monthLabel, monthSpan, monthWindows } from "@/lib/dashboard/period";

describe("dashboard period arithmetic", () => {
  it("finds month starts, ends and spans across years and leap days", () => {
    expect(addMonthsStart("2026-03-31", -1)).toBe("2026-02-01");
    expect(addMonthsStart("2026-01-15", -11)).toBe("2025-02-01");
    expect(monthEnd("2024-02-10")).toBe("2024-02-29");
    expect(monthEnd("2026-12-01")).toBe("2026-12-31");
    expect(monthSpan("2025-07-01", "2026-06-15")).toBe(12);
    expect(monthLabel("2026-01")).toBe("Jan 2026");
  });

  it("compares the month of the range's end so far with the whole month before", () => {
    expect(monthWindows("2026-03-15")).toEqual({ thisMonth: { from: "2026-03-01", to: "2026-03-15" }, lastMonth: { from: "2026-02-01", to: "2026-02-28" } });
    expect(monthWindows("2026-01-31")).toEqual({ thisMonth: { from: "2026-01-01", to: "2026-01-31" }, lastMonth: { from: "2025-12-01", to: "2025-12-31" } });
  });
});

describe("dashboard URL params", () => {
  const today = "2026-06-15";

  it("defaults to the 12 whole months ending this month and no currency", () => {
    expect(parseDashboardParams({}, today)).toEqual({ from: "2025-07-01", to: today, currency: undefined, custom: false });
  });

  it("reads a range and currency, reversed ranges as meant, bad values as absent", () => {
    expect(parseDashboardParams({ from: "2026-01-01", to: "2026-03-31", currency: "jpy" }, today)).toEqual({ from: "2026-01-01", to: "2026-03-31", currency: "JPY", custom: true });
    expect(parseDashboardParams({ from: "2026-03-31", to: "2026-01-01" }, today)).toMatchObject({ from: "2026-01-01", to: "2026-03-31" });
    expect(parseDashboardParams({ from: "2026-02-30", to: "junk", currency: "dollars" }, today)).toEqual({ from: "2025-07-01", to: today, currency: undefined, custom: false });
    expect(parseDashboardParams({ to: ["2026-02-10", "2026-05-01"] }, today)).toMatchObject({ from: "2025-03-01", to: "2026-02-10", custom: true });
  });

  it("keeps the last MAX_MONTHS months of a longer range", () => {
    const parsed = parseDashboardParams({ from: "2010-01-01", to: "2026-06-15" }, today);
    expect(monthSpan(parsed.from, parsed.to)).toBe(MAX_MONTHS);
    expect(parsed.from).toBe("2023-07-01");
  });

  it("writes the view back as a query string", () => {
    expect(dashboardQuery({ from: "2026-01-01", to: "2026-03-31", currency: "USD" })).toBe("from=2026-01-01&to=2026-03-31&currency=USD");
  });
});

describe("revenue change", () => {
  it("gives the change in tenths of a percent, rounded half away from zero, none without a base", () => {
    expect(changeTenths(150_00n, 100_00n)).toBe(500n);
    expect(changeTenths(0n, 100_00n)).toBe(-1000n);
    expect(changeTenths(1n, 3n)).toBe(-667n);
    expect(changeTenths(100n, 0n)).toBeNull();
    expect(changeTenths(-50n, -100n)).toBe(500n);
    expect(formatChange(500n)).toBe("+50.0%");
    expect(formatChange(-667n)).toBe("−66.7%");
    expect(formatChange(0n)).toBe("0.0%");
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BreakdownChart } from "@/components/dashboard/breakdown-chart";
import { axisTick, datumCount, datumText, moneyDatum, toMajor } from "@/components/dashboard/chart-data";
import { revenueData } from "@/components/dashboard/charts-section";
import { RevenueChart } from "@/components/dashboard/revenue-chart";

describe("dashboard chart data", () => {
  it("plots major units and labels with the exact formatted amount, per currency exponent", () => {
    expect(toMajor(123_45n, "USD")).toBe(123.45);
    expect(toMajor(50_000n, "JPY")).toBe(50000);
    expect(toMajor(1_234_567n, "KWD")).toBe(1234.567);
    expect(moneyDatum("Paid", 180_00n, "USD", 2)).toEqual({ label: "Paid", value: 180, text: "$180.00", count: 2 });
    expect(moneyDatum("Paid", 12_000n, "JPY")).toMatchObject({ value: 12000, text: "¥12,000" });
    expect(datumText({ collectedText: "$1.00", text: "x" }, "collected")).toBe("$1.00");
    expect(datumText({ text: "$2.00" }, "value")).toBe("$2.00");
    expect(datumText(null, "value")).toBeUndefined();
    expect(datumCount({ count: 3 })).toBe(3);
    expect(datumCount({})).toBeUndefined();
    expect(axisTick(12000, "USD")).toBe("$12K");
  });

  it("turns month points into chart rows with month labels", () => {
    expect(revenueData([{ month: "2026-06", collected: 150_00n, invoiced: 200_00n }], "USD")).toEqual([
      { label: "Jun 2026", collected: 150, invoiced: 200, collectedText: "$150.00", invoicedText: "$200.00" },
    ]);
  });
});

// Recharts 3 draws its <svg> after mounting in the browser (the e2e dashboard test checks it); on the
// server it renders the sized container, which is what these check, with the accessible summary.
describe("dashboard charts render", () => {
  it("renders the revenue chart container with every month's exact figures in its label", () => {
    const data = revenueData(
      [
        { month: "2026-05", collected: 100_00n, invoiced: 100_00n },
        { month: "2026-06", collected: 150_00n, invoiced: 200_00n },
      ],
      "USD",
    );
    const html = renderToStaticMarkup(<RevenueChart data={data} currency="USD" />);
    expect(html).toContain('data-testid="dashboard-chart-revenue"');
    expect(html).toContain("recharts-responsive-container");
    expect(html).toContain('aria-label="Revenue by month in USD. May 2026: collected $100.00, invoiced $100.00; Jun 2026: collected $150.00, invoiced $200.00"');
  });

  it("renders a breakdown chart container labelled with each category's amount and count", () => {
    const data = [moneyDatum("Paid", 180_00n, "USD", 2), moneyDatum("Overdue", 300_00n, "USD", 1)];
    const html = renderToStaticMarkup(<BreakdownChart data={data} currency="USD" title="Invoices by status" testId="dashboard-chart-status" />);
    expect(html).toContain('data-testid="dashboard-chart-status"');
    expect(html).toContain("recharts-responsive-container");
    expect(html).toContain('aria-label="Invoices by status: Paid $180.00 (2), Overdue $300.00 (1)"');
  });
});

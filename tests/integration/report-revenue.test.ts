import { describe, expect, it } from "vitest";
import { revenueReport } from "@/lib/reports/revenue";
import type { ReportResult, ReportRow } from "@/lib/reports/types";
import { createTestDatabase } from "../helpers/db";
import { buildReportDataSet } from "../helpers/report-data";

// Every figure of the revenue report over the known book of tests/helpers/report-data.ts (its
// header lists the invoices and dated events): invoiced vs collected by month, quarter and
// customer, invoiced by product, in USD and JPY.

const { db } = await createTestDatabase();
const data = await buildReportDataSet(db);

const revenue = (params: Record<string, string>) => revenueReport.run(db, revenueReport.params.parse(params));
const H1 = { from: "2025-01-01", to: "2025-06-30" };

/** [label, currency, invoiced, received, refunded, collected] */
const flows = (label: string) => (row: ReportRow) => [row[label], row.currency, row.invoiced, row.received, row.refunded, row.collected];
const table = (result: ReportResult, label: string) => ({ rows: result.rows.map(flows(label)), totals: result.totals.map(flows(label)) });

describe("revenueReport", () => {
  it("by month: every month of the range per currency, voids, drafts and a voided payment left out, refunds netted", async () => {
    const result = await revenue({ ...H1, by: "month" });
    expect(result.columns.map((column) => column.key)).toEqual(["period", "currency", "invoiced", "received", "refunded", "collected"]);
    expect(table(result, "period")).toEqual({
      rows: [
        ["2025-01", "JPY", 11_000n, 0n, 0n, 0n],
        ["2025-02", "JPY", 0n, 5000n, 0n, 5000n],
        ["2025-03", "JPY", 61_111n, 0n, 0n, 0n],
        ["2025-04", "JPY", 0n, 26_000n, 0n, 26_000n],
        ["2025-05", "JPY", 0n, 0n, 1000n, -1000n],
        ["2025-06", "JPY", 0n, 0n, 0n, 0n],
        ["2025-01", "USD", 478_00n, 0n, 0n, 0n],
        ["2025-02", "USD", 595_00n, 200_00n, 0n, 200_00n],
        ["2025-03", "USD", 1160_00n, 398_00n, 0n, 398_00n],
        ["2025-04", "USD", 0n, 0n, 50_00n, -50_00n],
        ["2025-05", "USD", 0n, 0n, 0n, 0n],
        ["2025-06", "USD", 0n, 0n, 0n, 0n],
      ],
      totals: [
        ["Total", "JPY", 72_111n, 31_000n, 1000n, 30_000n],
        ["Total", "USD", 2233_00n, 598_00n, 50_00n, 548_00n],
      ],
    });
    const months = ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01"];
    expect(result.rows.map((row) => row.periodStart)).toEqual([...months, ...months]);
    expect(result.chart?.kind).toBe("bar");
    expect(result.chart?.xKey).toBe("period");
    expect(result.chart?.series.map((series) => series.key)).toEqual(["invoiced", "collected"]);
    expect(result.chart?.points.map((point) => [point.currency, point.values.map((value) => [value.period, value.invoiced, value.collected])])).toEqual([
      ["JPY", [["2025-01", 11_000n, 0n], ["2025-02", 0n, 5000n], ["2025-03", 61_111n, 0n], ["2025-04", 0n, 26_000n], ["2025-05", 0n, -1000n], ["2025-06", 0n, 0n]]],
      ["USD", [["2025-01", 478_00n, 0n], ["2025-02", 595_00n, 200_00n], ["2025-03", 1160_00n, 398_00n], ["2025-04", 0n, -50_00n], ["2025-05", 0n, 0n], ["2025-06", 0n, 0n]]],
    ]);
  });

  it("by quarter", async () => {
    expect(table(await revenue({ ...H1, by: "quarter" }), "period")).toEqual({
      rows: [
        ["2025-Q1", "JPY", 72_111n, 5000n, 0n, 5000n],
        ["2025-Q2", "JPY", 0n, 26_000n, 1000n, 25_000n],
        ["2025-Q1", "USD", 2233_00n, 598_00n, 0n, 598_00n],
        ["2025-Q2", "USD", 0n, 0n, 50_00n, -50_00n],
      ],
      totals: [
        ["Total", "JPY", 72_111n, 31_000n, 1000n, 30_000n],
        ["Total", "USD", 2233_00n, 598_00n, 50_00n, 548_00n],
      ],
    });
  });

  it("reads voids as of the end of the period: the invoice voided 02-20 and the payment voided 03-18 count in periods ending before", async () => {
    expect(table(await revenue({ from: "2025-02-01", to: "2025-02-15" }), "period").rows).toEqual([
      ["2025-02", "JPY", 0n, 5000n, 0n, 5000n],
      ["2025-02", "USD", 81_20n + 595_00n, 200_00n, 0n, 200_00n],
    ]);
    expect(table(await revenue({ from: "2025-03-01", to: "2025-03-17", currency: "USD" }), "period").rows).toEqual([["2025-03", "USD", 1160_00n, 100_00n, 0n, 100_00n]]);
    expect(table(await revenue({ from: "2025-03-01", to: "2025-03-18", currency: "USD" }), "period").rows).toEqual([["2025-03", "USD", 1160_00n, 0n, 0n, 0n]]);
  });

  it("by customer: largest invoiced first within each currency", async () => {
    const result = await revenue({ ...H1, by: "customer" });
    expect(table(result, "customerName")).toEqual({
      rows: [
        ["Chiyoda KK", "JPY", 72_111n, 31_000n, 1000n, 30_000n],
        ["Beta Foods", "USD", 1240_00n, 0n, 0n, 0n],
        ["Alpha Trading", "USD", 993_00n, 598_00n, 50_00n, 548_00n],
      ],
      totals: [
        ["Total", "JPY", 72_111n, 31_000n, 1000n, 30_000n],
        ["Total", "USD", 2233_00n, 598_00n, 50_00n, 548_00n],
      ],
    });
    const { alpha, beta, chiyoda } = data.customers;
    expect(result.rows.map((row) => [row.customerId, row.customerNumber])).toEqual([
      [chiyoda.id, chiyoda.number],
      [beta.id, beta.number],
      [alpha.id, alpha.number],
    ]);
  });

  it("by product: line amounts after discounts and before tax, with their tax, adding up to the invoiced totals", async () => {
    const result = await revenue({ ...H1, by: "product" });
    const cells = (row: ReportRow) => [row.productName, row.sku, row.currency, row.net, row.tax, row.gross];
    expect(result.columns.map((column) => column.key)).toEqual(["productName", "sku", "currency", "net", "tax", "gross"]);
    expect(result.rows.map(cells)).toEqual([
      ["No product", null, "JPY", 65_555n, 6556n, 72_111n],
      ["Consulting", "CONS", "USD", 1300_00n, 208_00n, 1508_00n],
      ["Licence", "LIC", "USD", 500_00n, 95_00n, 595_00n],
      ["No product", null, "USD", 130_00n, 0n, 130_00n],
    ]);
    expect(result.rows.map((row) => row.productId)).toEqual([null, data.products.consulting, data.products.licence, null]);
    expect(result.totals.map(cells)).toEqual([
      ["Total", null, "JPY", 65_555n, 6556n, 72_111n],
      ["Total", null, "USD", 1930_00n, 303_00n, 2233_00n],
    ]);
    expect(result.chart?.points.map((point) => [point.currency, point.values.map((value) => [value.productName, value.net])])).toEqual([
      ["JPY", [["No product", 65_555n]]],
      ["USD", [["Consulting", 1300_00n], ["Licence", 500_00n], ["No product", 130_00n]]],
    ]);
  });

  it("filters by customer and currency; a chosen currency shows its empty months", async () => {
    const alphaOnly = await revenue({ ...H1, by: "quarter", customerId: data.customers.alpha.id });
    expect(table(alphaOnly, "period")).toEqual({
      rows: [
        ["2025-Q1", "USD", 993_00n, 598_00n, 0n, 598_00n],
        ["2025-Q2", "USD", 0n, 0n, 50_00n, -50_00n],
      ],
      totals: [["Total", "USD", 993_00n, 598_00n, 50_00n, 548_00n]],
    });
    expect(table(await revenue({ from: "2024-01-01", to: "2024-02-29", currency: "JPY" }), "period")).toEqual({
      rows: [
        ["2024-01", "JPY", 0n, 0n, 0n, 0n],
        ["2024-02", "JPY", 0n, 0n, 0n, 0n],
      ],
      totals: [["Total", "JPY", 0n, 0n, 0n, 0n]],
    });
    expect(table(await revenue({ from: "2024-01-01", to: "2024-02-29" }), "period")).toEqual({ rows: [], totals: [] });
  });

  it("reads bad params as defaults and never throws", () => {
    const parsed = revenueReport.params.parse({ by: "planet", from: "nope", to: "2025-03-31", currency: "dollars" });
    expect(parsed).toEqual({ from: "2025-01-01", to: "2025-03-31", by: "month" });
    expect(revenueReport.params.parse({ by: ["customer"], from: "2025-05-01", to: "2025-02-01" })).toMatchObject({ by: "customer", from: "2025-02-01", to: "2025-05-01" });
  });
});

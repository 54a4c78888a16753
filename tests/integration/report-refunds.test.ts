import { describe, expect, it } from "vitest";
import { refundsReport } from "@/lib/reports/refunds";
import { createTestDatabase } from "../helpers/db";
import { seedReportBData } from "../helpers/report-b-data";

const { db } = await createTestDatabase();
const data = await seedReportBData(db);

const run = (query: Record<string, string | string[]>) => refundsReport.run(db, refundsReport.params.parse({ from: "2026-03-01", to: "2026-03-31", ...query }));
const figures = (rows: Awaited<ReturnType<typeof run>>["rows"]) => rows.map((row) => [row.currency, row.group, row.status, row.count, row.amount]);

// March 2026 refunds. Succeeded: USD RA1 60 (staff, cash, of PA2), RG 50 (gateway, card), the
// refund of CNA2 100 (staff, bank transfer), RB1 100 (dispute, card); JPY RA2 10,000 (staff, bank
// transfer). USD RB2 30 pending and RB3 20 failed (PayPal). RA0 (20, 25 Feb) is out of the period.
describe("refunds report", () => {
  it("counts succeeded refunds by origin, largest first, with totals per currency", async () => {
    const result = await run({});
    expect(figures(result.rows)).toEqual([
      ["JPY", "Staff refund", "Succeeded", 1, 10_000n],
      ["USD", "Staff refund", "Succeeded", 2, 160_00n],
      ["USD", "Lost dispute", "Succeeded", 1, 100_00n],
      ["USD", "Refunded in the gateway", "Succeeded", 1, 50_00n],
    ]);
    expect(figures(result.totals)).toEqual([
      ["JPY", "Total", "", 1, 10_000n],
      ["USD", "Total", "", 4, 310_00n],
    ]);
    expect(result.chart).toEqual({
      kind: "bar",
      xKey: "group",
      series: [{ key: "succeeded", label: "Succeeded" }],
      points: [
        { currency: "JPY", values: [{ group: "Staff refund", succeeded: 10_000n }] },
        {
          currency: "USD",
          values: [
            { group: "Staff refund", succeeded: 160_00n },
            { group: "Lost dispute", succeeded: 100_00n },
            { group: "Refunded in the gateway", succeeded: 50_00n },
          ],
        },
      ],
    });
  });

  it("groups by method", async () => {
    const result = await run({ by: "method" });
    expect(figures(result.rows)).toEqual([
      ["JPY", "Bank transfer", "Succeeded", 1, 10_000n],
      ["USD", "Card", "Succeeded", 2, 150_00n],
      ["USD", "Bank transfer", "Succeeded", 1, 100_00n],
      ["USD", "Cash", "Succeeded", 1, 60_00n],
    ]);
    expect(figures(result.totals)).toEqual([
      ["JPY", "Total", "", 1, 10_000n],
      ["USD", "Total", "", 4, 310_00n],
    ]);
  });

  it("groups by month and shows pending and failed refunds when asked, one series per status", async () => {
    const result = await run({ by: "month", status: "succeeded,pending,failed", from: "2026-02-01" });
    expect(figures(result.rows)).toEqual([
      ["JPY", "Mar 2026", "Succeeded", 1, 10_000n],
      ["USD", "Feb 2026", "Succeeded", 1, 20_00n],
      ["USD", "Mar 2026", "Succeeded", 4, 310_00n],
      ["USD", "Mar 2026", "Pending", 1, 30_00n],
      ["USD", "Mar 2026", "Failed", 1, 20_00n],
    ]);
    expect(figures(result.totals)).toEqual([
      ["JPY", "Total", "", 1, 10_000n],
      ["USD", "Total", "", 7, 380_00n],
    ]);
    expect(result.chart?.kind).toBe("stacked-bar");
    expect(result.chart?.points.find((point) => point.currency === "USD")?.values).toEqual([
      { group: "Feb 2026", succeeded: 20_00n },
      { group: "Mar 2026", failed: 20_00n, pending: 30_00n, succeeded: 310_00n },
    ]);
  });

  it("narrows to one status, a customer and a currency", async () => {
    expect(figures((await run({ status: "pending" })).rows)).toEqual([["USD", "Staff refund", "Pending", 1, 30_00n]]);
    expect(figures((await run({ customerId: data.customers.beta })).totals)).toEqual([["USD", "Total", "", 1, 100_00n]]);
    expect(figures((await run({ currency: "JPY" })).totals)).toEqual([["JPY", "Total", "", 1, 10_000n]]);
    expect(refundsReport.params.parse({ status: "bogus" }).status).toEqual(["succeeded"]);
  });
});

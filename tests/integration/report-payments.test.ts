import { describe, expect, it } from "vitest";
import { paymentsReport } from "@/lib/reports/payments";
import { createTestDatabase } from "../helpers/db";
import { seedReportBData } from "../helpers/report-b-data";

const { db } = await createTestDatabase();
const data = await seedReportBData(db);

const run = (query: Record<string, string>) => paymentsReport.run(db, paymentsReport.params.parse({ from: "2026-03-01", to: "2026-03-31", ...query }));
// [currency, group, count, amount, fees, net, fees not reported]
const figures = (rows: Awaited<ReturnType<typeof run>>["rows"]) => rows.map((row) => [row.currency, row.group, row.count, row.amount, row.fees, row.net, row.feesUnknown]);

// March 2026, succeeded: USD PA2 cash 700; PG card/Stripe 250 (fee 7.55); PB1 card/Stripe 400 (fee
// 11.90); PB2 PayPal 90 (no fee reported). JPY PA3 bank transfer 100,000. Not succeeded: PV voided
// check 150, failed 300 (Stripe) + 120 (PayPal) + 45 (Stripe), pending 80, JPY rejected 50,000.
// Out of the period: PA1 (Feb), the failed 99 (Apr), PA4 (Apr).
describe("payments report", () => {
  it("groups money received by method, largest first, with fees and net, totals per currency", async () => {
    const result = await run({});
    expect(figures(result.rows)).toEqual([
      ["JPY", "Bank transfer", 1, 100_000n, 0n, 100_000n, 0],
      ["USD", "Cash", 1, 700_00n, 0n, 700_00n, 0],
      ["USD", "Card", 2, 650_00n, 19_45n, 630_55n, 0],
      ["USD", "PayPal", 1, 90_00n, 0n, 90_00n, 1],
    ]);
    expect(figures(result.totals)).toEqual([
      ["JPY", "Total", 1, 100_000n, 0n, 100_000n, 0],
      ["USD", "Total", 4, 1_440_00n, 19_45n, 1_420_55n, 1],
    ]);
    expect(result.rows.map((row) => row.groupKey)).toEqual(["bank_transfer", "cash", "card", "paypal"]);
    expect(result.chart).toEqual({
      kind: "pie",
      xKey: "group",
      series: [{ key: "amount", label: "Amount" }],
      points: [
        { currency: "JPY", values: [{ group: "Bank transfer", amount: 100_000n, count: 1 }] },
        {
          currency: "USD",
          values: [
            { group: "Cash", amount: 700_00n, count: 1 },
            { group: "Card", amount: 650_00n, count: 2 },
            { group: "PayPal", amount: 90_00n, count: 1 },
          ],
        },
      ],
    });
  });

  it("groups by gateway: manual payments under 'no gateway'", async () => {
    const result = await run({ by: "gateway" });
    expect(figures(result.rows)).toEqual([
      ["JPY", "No gateway (manual)", 1, 100_000n, 0n, 100_000n, 0],
      ["USD", "No gateway (manual)", 1, 700_00n, 0n, 700_00n, 0],
      ["USD", "Stripe", 2, 650_00n, 19_45n, 630_55n, 0],
      ["USD", "PayPal", 1, 90_00n, 0n, 90_00n, 1],
    ]);
    expect(figures(result.totals)).toEqual([
      ["JPY", "Total", 1, 100_000n, 0n, 100_000n, 0],
      ["USD", "Total", 4, 1_440_00n, 19_45n, 1_420_55n, 1],
    ]);
  });

  it("groups by status with every attempt: pending, failed, rejected and voided too", async () => {
    const result = await run({ by: "status" });
    expect(figures(result.rows)).toEqual([
      ["JPY", "Succeeded", 1, 100_000n, 0n, 100_000n, 0],
      ["JPY", "Rejected", 1, 50_000n, 0n, 50_000n, 0],
      ["USD", "Succeeded", 4, 1_440_00n, 19_45n, 1_420_55n, 1],
      ["USD", "Failed", 3, 465_00n, 0n, 465_00n, 0],
      ["USD", "Voided", 1, 150_00n, 0n, 150_00n, 0],
      ["USD", "Pending", 1, 80_00n, 0n, 80_00n, 0],
    ]);
    expect(figures(result.totals)).toEqual([
      ["JPY", "Total", 2, 150_000n, 0n, 150_000n, 0],
      ["USD", "Total", 9, 2_135_00n, 19_45n, 2_115_55n, 1],
    ]);
    expect(result.chart?.kind).toBe("bar");
  });

  it("narrows to a customer, a currency and the dates asked for", async () => {
    const beta = await run({ customerId: data.customers.beta });
    expect(figures(beta.rows)).toEqual([
      ["USD", "Card", 1, 400_00n, 11_90n, 388_10n, 0],
      ["USD", "PayPal", 1, 90_00n, 0n, 90_00n, 1],
    ]);
    const jpy = await run({ currency: "JPY", by: "status" });
    expect(figures(jpy.totals)).toEqual([["JPY", "Total", 2, 150_000n, 0n, 150_000n, 0]]);
    const spring = await run({ from: "2026-02-01", to: "2026-04-30" });
    expect(figures(spring.totals)).toEqual([
      ["JPY", "Total", 2, 105_000n, 0n, 105_000n, 0],
      ["USD", "Total", 5, 2_040_00n, 19_45n, 2_020_55n, 1],
    ]);
    expect((await run({ from: "2025-01-01", to: "2025-12-31" })).rows).toEqual([]);
  });

  it("reads bad params as the defaults", () => {
    const params = paymentsReport.params.parse({ by: "nonsense", from: "yesterday", currency: "dollars" });
    expect(params.by).toBe("method");
    expect(params.currency).toBeUndefined();
    expect(params.from).toMatch(/^\d{4}-01-01$/);
  });
});

import { describe, expect, it } from "vitest";
import { failedPaymentsReport } from "@/lib/reports/failed-payments";
import { createTestDatabase } from "../helpers/db";
import { seedReportBData } from "../helpers/report-b-data";

const { db } = await createTestDatabase();
const data = await seedReportBData(db);

const run = (query: Record<string, string>) => failedPaymentsReport.run(db, failedPaymentsReport.params.parse({ from: "2026-03-01", to: "2026-03-31", ...query }));

// March 2026: failed USD 300 (Acme, card/Stripe, card_declined, for IA2), 120 (Beta, PayPal,
// card_declined), 45 (Beta, card/Stripe, no reason); rejected JPY 50,000 (Acme, bank transfer, "No
// money arrived", for IAJ2). The failed 99 of 2 April is outside; pending and voided are not failures.
describe("failed payments report", () => {
  it("lists each failed or rejected payment, newest first per currency, with its reason and invoice", async () => {
    const result = await run({});
    const { failed, invoices } = data;
    expect(result.rows.map((row) => [row.currency, row.date, row.number, row.customer, row.invoiceNumber, row.status, row.method, row.gateway, row.amount, row.reason])).toEqual([
      ["JPY", "2026-03-11", failed.rejectedA, "Acme Reports Ltd", invoices.iaj2, "Rejected", "Bank transfer", "No gateway (manual)", 50_000n, "No money arrived"],
      ["USD", "2026-03-13", failed.failB2, "Beta Reports Ltd", null, "Failed", "Card", "Stripe", 45_00n, "No reason given"],
      ["USD", "2026-03-09", failed.failB1, "Beta Reports Ltd", null, "Failed", "PayPal", "PayPal", 120_00n, "card_declined"],
      ["USD", "2026-03-08", failed.failA, "Acme Reports Ltd", invoices.ia2, "Failed", "Card", "Stripe", 300_00n, "card_declined"],
    ]);
    expect(result.totals.map((row) => [row.currency, row.date, row.number, row.count, row.amount])).toEqual([
      ["JPY", null, "Total", 1, 50_000n],
      ["USD", null, "Total", 3, 465_00n],
    ]);
    expect(result.chart).toEqual({
      kind: "bar",
      xKey: "reason",
      series: [{ key: "count", label: "Payments" }],
      points: [
        { currency: "JPY", values: [{ reason: "No money arrived", count: 1, amount: 50_000n }] },
        {
          currency: "USD",
          values: [
            { reason: "card_declined", count: 2, amount: 420_00n },
            { reason: "No reason given", count: 1, amount: 45_00n },
          ],
        },
      ],
    });
  });

  it("narrows to a customer, a currency and the period", async () => {
    const acme = await run({ customerId: data.customers.acme });
    expect(acme.rows.map((row) => row.number)).toEqual([data.failed.rejectedA, data.failed.failA]);
    const usd = await run({ currency: "USD", to: "2026-04-30" });
    expect(usd.rows.map((row) => row.number)).toEqual([data.failed.lateFail, data.failed.failB2, data.failed.failB1, data.failed.failA]);
    expect(usd.totals.map((row) => [row.currency, row.count, row.amount])).toEqual([["USD", 4, 564_00n]]);
    expect((await run({ from: "2026-01-01", to: "2026-02-28" })).rows).toEqual([]);
  });
});

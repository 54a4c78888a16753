import { and, notInArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invoices } from "@/db/schema";
import { todayIso } from "@/lib/invoices/dates";
import { sumMinor } from "@/lib/payments/sql";
import { agingReport } from "@/lib/reports/aging";
import { agingQuery, agingStrategy } from "@/lib/reports/aging-sql";

import type { ReportResult, ReportRow } from "@/lib/reports/types";
import { createTestDatabase } from "../helpers/db";
import { buildReportDataSet } from "../helpers/report-data";
import { queryRows } from "@/db/raw-rows";

// Every figure of the aging report over the known book of tests/helpers/report-data.ts (read its
// header for the invoices and the dated events), as of dates before, between and after payments,
// credit notes, refunds, a voided payment, a void and a write-off.

const { db } = await createTestDatabase();
const data = await buildReportDataSet(db);
const { alpha, beta, chiyoda } = data.customers;

const aging = (asOf?: string, extra: Record<string, string> = {}) => agingReport.run(db, agingReport.params.parse({ asOf, ...extra }));

/** [currency, customer, current, 1–30, 31–60, 61–90, 90+, total, open invoices] */
const figures = (row: ReportRow) => [
  row.currency,
  row.customerName,
  row.current,
  row.days1to30,
  row.days31to60,
  row.days61to90,
  row.days90plus,
  row.total,
  row.invoices,
];
const table = (result: ReportResult) => ({ rows: result.rows.map(figures), totals: result.totals.map(figures) });

describe("agingReport", () => {
  it("as of 2025-02-10: one partial payment in, the void and the write-off still open, the JPY payment of that day counted", async () => {
    expect(table(await aging("2025-02-10"))).toEqual({
      rows: [
        ["JPY", "Chiyoda KK", 6000n, 0n, 0n, 0n, 0n, 6000n, 1],
        ["USD", "Alpha Trading", 0n, 198_00n, 0n, 0n, 0n, 198_00n, 1],
        ["USD", "Beta Foods", 81_20n, 80_00n, 0n, 0n, 0n, 161_20n, 2],
      ],
      totals: [
        ["JPY", "Total", 6000n, 0n, 0n, 0n, 0n, 6000n, 1],
        ["USD", "Total", 81_20n, 278_00n, 0n, 0n, 0n, 359_20n, 3],
      ],
    });
  });

  it("as of 2025-04-12: A1 paid then refunded in part, the voided payment back on B1, C1 paid off, the void gone", async () => {
    expect(table(await aging("2025-04-12"))).toEqual({
      rows: [
        ["JPY", "Chiyoda KK", 0n, 41_111n, 0n, 0n, 0n, 41_111n, 1],
        ["USD", "Alpha Trading", 0n, 395_00n, 0n, 50_00n, 0n, 445_00n, 2],
        ["USD", "Beta Foods", 0n, 1160_00n, 0n, 80_00n, 0n, 1240_00n, 2],
      ],
      totals: [
        ["JPY", "Total", 0n, 41_111n, 0n, 0n, 0n, 41_111n, 1],
        ["USD", "Total", 0n, 1555_00n, 0n, 130_00n, 0n, 1685_00n, 4],
      ],
    });
  });

  it("as of 2025-06-30: after the credit notes and the JPY refund; the written-off invoice is out", async () => {
    const result = await aging("2025-06-30");
    expect(table(result)).toEqual({
      rows: [
        ["JPY", "Chiyoda KK", 0n, 0n, 0n, 10_555n, 1000n, 11_555n, 2],
        ["USD", "Alpha Trading", 0n, 0n, 0n, 0n, 345_84n, 345_84n, 2],
        ["USD", "Beta Foods", 0n, 0n, 0n, 870_00n, 0n, 870_00n, 1],
      ],
      totals: [
        ["JPY", "Total", 0n, 0n, 0n, 10_555n, 1000n, 11_555n, 2],
        ["USD", "Total", 0n, 0n, 0n, 870_00n, 345_84n, 1215_84n, 3],
      ],
    });
    expect(result.rows.map((row) => [row.customerId, row.customerNumber])).toEqual([
      [chiyoda.id, chiyoda.number],
      [alpha.id, alpha.number],
      [beta.id, beta.number],
    ]);
    expect(result.totals.map((row) => [row.customerId, row.customerNumber])).toEqual([
      [null, null],
      [null, null],
    ]);
    // the chart stacks the same figures per currency, largest balance first
    expect(result.chart?.kind).toBe("stacked-bar");
    expect(result.chart?.series.map((series) => series.key)).toEqual(["current", "days1to30", "days31to60", "days61to90", "days90plus"]);
    expect(result.chart?.points).toEqual([
      { currency: "JPY", values: [{ customerName: "Chiyoda KK", currency: "JPY", current: 0n, days1to30: 0n, days31to60: 0n, days61to90: 10_555n, days90plus: 1000n, total: 11_555n }] },
      {
        currency: "USD",
        values: [
          { customerName: "Beta Foods", currency: "USD", current: 0n, days1to30: 0n, days31to60: 0n, days61to90: 870_00n, days90plus: 0n, total: 870_00n },
          { customerName: "Alpha Trading", currency: "USD", current: 0n, days1to30: 0n, days31to60: 0n, days61to90: 0n, days90plus: 345_84n, total: 345_84n },
        ],
      },
    ]);
  });

  it("counts an allocation from the day it was recorded: the voided payment on B1 (03-15, reversed 03-18)", async () => {
    const beta = (asOf: string) => aging(asOf, { customerId: data.customers.beta.id }).then(table);
    // U1 (80.00, due 01-20) is 53 and 54 days late; B1 (due 04-04) is current
    expect(await beta("2025-03-14")).toEqual({
      rows: [["USD", "Beta Foods", 1160_00n, 0n, 80_00n, 0n, 0n, 1240_00n, 2]],
      totals: [["USD", "Total", 1160_00n, 0n, 80_00n, 0n, 0n, 1240_00n, 2]],
    });
    expect((await beta("2025-03-15")).rows).toEqual([["USD", "Beta Foods", 1060_00n, 0n, 80_00n, 0n, 0n, 1140_00n, 2]]);
    expect((await beta("2025-03-17")).rows).toEqual([["USD", "Beta Foods", 1060_00n, 0n, 80_00n, 0n, 0n, 1140_00n, 2]]);
    expect((await beta("2025-03-18")).rows).toEqual([["USD", "Beta Foods", 1160_00n, 0n, 80_00n, 0n, 0n, 1240_00n, 2]]);
  });

  it("filters by currency and shows nothing before the first invoice", async () => {
    const jpy = await aging("2025-04-12", { currency: "jpy" });
    expect(table(jpy).rows).toEqual([["JPY", "Chiyoda KK", 0n, 41_111n, 0n, 0n, 0n, 41_111n, 1]]);
    expect(table(await aging("2025-01-04"))).toEqual({ rows: [], totals: [] });
  });

  it("as of today equals the invoices' amount due (drafts, voids and write-offs aside), per currency and customer", async () => {
    const result = await aging();
    expect(agingReport.params.parse({ asOf: "not-a-date" }).asOf).toBe(todayIso());
    const stored = await db
      .select({ currency: invoices.currency, customerId: invoices.customerId, due: sumMinor(invoices.amountDue) })
      .from(invoices)
      .where(and(notInArray(invoices.status, ["draft", "void", "uncollectible"])))
      .groupBy(invoices.currency, invoices.customerId)
      .orderBy(invoices.currency, invoices.customerId);
    const byCustomer = result.rows.map((row) => ({ currency: row.currency, customerId: row.customerId, due: row.total }));
    expect([...byCustomer].sort((a, b) => `${a.currency}${a.customerId}`.localeCompare(`${b.currency}${b.customerId}`))).toEqual(
      stored.filter((row) => row.due > 0n).sort((a, b) => `${a.currency}${a.customerId}`.localeCompare(`${b.currency}${b.customerId}`)),
    );
    // today every open invoice of the book is more than 90 days late
    expect(table(result).totals).toEqual([
      ["JPY", "Total", 0n, 0n, 0n, 0n, 11_555n, 11_555n, 2],
      ["USD", "Total", 0n, 0n, 0n, 0n, 1215_84n, 1215_84n, 3],
    ]);
  });

  it("gets the same figures reading allocations since the date or allocations up to it", async () => {
    expect(agingStrategy("2026-06-30", "2026-11-29")).toBe("recent");
    expect(agingStrategy("2025-06-30", "2026-11-29")).toBe("history");
    for (const asOf of ["2025-01-04", "2025-02-10", "2025-03-15", "2025-04-12", "2025-05-01", "2025-06-30", todayIso()]) {
      const params = agingReport.params.parse({ asOf });
      const recent = await queryRows(db, agingQuery(params, "recent"));
      expect(recent.length > 0).toBe(asOf !== "2025-01-04");
      expect(await queryRows(db, agingQuery(params, "history"))).toEqual(recent);
    }
  });
});

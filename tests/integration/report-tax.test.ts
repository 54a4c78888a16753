import { and, between, eq, gte, isNull, ne, or } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { allocations, creditNotes, invoices } from "@/db/schema";
import { createCreditNote } from "@/lib/credit-notes/create";
import { sumMinor } from "@/lib/payments/sql";
import { taxReport } from "@/lib/reports/tax";
import type { ReportResult, ReportRow } from "@/lib/reports/types";
import { createTestDatabase } from "../helpers/db";
import { insertFinalizedInvoice } from "../helpers/invoice-rows";
import { buildReportDataSet, noonOf } from "../helpers/report-data";

// Every figure of the tax report over the known book of tests/helpers/report-data.ts (its header
// lists the invoices and dated events): 16% and 3% (one line carries both) in USD, 10% in JPY,
// credit notes split over a line's two taxes, the void and the draft left out.

const { db } = await createTestDatabase();
const data = await buildReportDataSet(db);

const tax = (params: Record<string, string>) => taxReport.run(db, taxReport.params.parse(params));
const H1 = { from: "2025-01-01", to: "2025-06-30" };

/** [period, tax, rate, currency, base invoiced, tax invoiced, base credited, tax credited, net tax] */
const cells = (row: ReportRow) => [row.period, row.taxName, row.rate, row.currency, row.invoicedBase, row.invoicedTax, row.creditedBase, row.creditedTax, row.netTax];
const table = (result: ReportResult) => ({ rows: result.rows.map(cells), totals: result.totals.map(cells) });
const none = [0n, 0n, 0n, 0n, 0n];

describe("taxReport", () => {
  it("by month: tax per rate and month, credit notes' tax split over the credited line's taxes", async () => {
    const result = await tax({ ...H1, by: "month" });
    expect(result.columns.map((column) => column.key)).toEqual(["period", "taxName", "rate", "currency", "invoicedBase", "invoicedTax", "creditedBase", "creditedTax", "netTax"]);
    expect(table(result)).toEqual({
      rows: [
        ["2025-01", "VAT", "10%", "JPY", 10_000n, 1000n, 0n, 0n, 1000n],
        ["2025-02", "VAT", "10%", "JPY", ...none],
        ["2025-03", "VAT", "10%", "JPY", 55_555n, 5556n, 0n, 0n, 5556n],
        ["2025-04", "VAT", "10%", "JPY", ...none],
        ["2025-05", "VAT", "10%", "JPY", 0n, 0n, 27_778n, 2778n, -2778n],
        ["2025-06", "VAT", "10%", "JPY", ...none],
        ["2025-01", "VAT", "3%", "USD", ...none],
        ["2025-01", "VAT", "16%", "USD", 300_00n, 48_00n, 0n, 0n, 48_00n],
        ["2025-02", "VAT", "3%", "USD", 500_00n, 15_00n, 0n, 0n, 15_00n],
        ["2025-02", "VAT", "16%", "USD", 500_00n, 80_00n, 0n, 0n, 80_00n],
        ["2025-03", "VAT", "3%", "USD", ...none],
        ["2025-03", "VAT", "16%", "USD", 1000_00n, 160_00n, 0n, 0n, 160_00n],
        // CN2 takes 0.3333 of A2's line: 83.33 base, 15.83 tax = 13.33 at 16% + 2.50 at 3%
        ["2025-04", "VAT", "3%", "USD", 0n, 0n, 83_33n, 2_50n, -2_50n],
        ["2025-04", "VAT", "16%", "USD", 0n, 0n, 250_00n + 83_33n, 40_00n + 13_33n, -53_33n],
        ["2025-05", "VAT", "3%", "USD", ...none],
        ["2025-05", "VAT", "16%", "USD", ...none],
        ["2025-06", "VAT", "3%", "USD", ...none],
        ["2025-06", "VAT", "16%", "USD", ...none],
      ],
      totals: [
        ["Total", null, null, "JPY", 65_555n, 6556n, 27_778n, 2778n, 3778n],
        ["Total", null, null, "USD", 2300_00n, 303_00n, 416_66n, 55_83n, 247_17n],
      ],
    });
    expect(result.chart?.series).toEqual([
      { key: "tax0", label: "VAT 10%" },
      { key: "tax1", label: "VAT 3%" },
      { key: "tax2", label: "VAT 16%" },
    ]);
    const jpy = result.chart?.points.find((point) => point.currency === "JPY")?.values;
    expect(jpy?.map((value) => [value.period, value.tax0, value.tax1, value.tax2])).toEqual([
      ["2025-01", 1000n, 0n, 0n],
      ["2025-02", 0n, 0n, 0n],
      ["2025-03", 5556n, 0n, 0n],
      ["2025-04", 0n, 0n, 0n],
      ["2025-05", -2778n, 0n, 0n],
      ["2025-06", 0n, 0n, 0n],
    ]);
    const usd = result.chart?.points.find((point) => point.currency === "USD")?.values;
    expect(usd?.map((value) => [value.period, value.tax0, value.tax1, value.tax2])).toEqual([
      ["2025-01", 0n, 0n, 48_00n],
      ["2025-02", 0n, 15_00n, 80_00n],
      ["2025-03", 0n, 0n, 160_00n],
      ["2025-04", 0n, -2_50n, -53_33n],
      ["2025-05", 0n, 0n, 0n],
      ["2025-06", 0n, 0n, 0n],
    ]);
  });

  it("agrees with the documents: tax totals of the invoices counted and of the credit notes issued", async () => {
    const cutoff = noonOf("2025-07-01");
    const invoiced = await db
      .select({ currency: invoices.currency, tax: sumMinor(invoices.taxTotal) })
      .from(invoices)
      .where(and(between(invoices.issueDate, H1.from, H1.to), ne(invoices.status, "draft"), or(isNull(invoices.voidedAt), gte(invoices.voidedAt, cutoff))))
      .groupBy(invoices.currency)
      .orderBy(invoices.currency);
    const credited = await db
      .select({ currency: creditNotes.currency, tax: sumMinor(creditNotes.taxTotal) })
      .from(creditNotes)
      .where(between(creditNotes.issueDate, H1.from, H1.to))
      .groupBy(creditNotes.currency)
      .orderBy(creditNotes.currency);
    const { totals } = await tax(H1);
    expect(totals.map((row) => ({ currency: row.currency, tax: row.invoicedTax }))).toEqual(invoiced);
    expect(totals.map((row) => ({ currency: row.currency, tax: row.creditedTax }))).toEqual(credited);
    expect(invoiced).toEqual([
      { currency: "JPY", tax: 6556n },
      { currency: "USD", tax: 303_00n },
    ]);
  });

  it("by quarter", async () => {
    expect(table(await tax({ ...H1, by: "quarter" })).rows).toEqual([
      ["2025-Q1", "VAT", "10%", "JPY", 65_555n, 6556n, 0n, 0n, 6556n],
      ["2025-Q2", "VAT", "10%", "JPY", 0n, 0n, 27_778n, 2778n, -2778n],
      ["2025-Q1", "VAT", "3%", "USD", 500_00n, 15_00n, 0n, 0n, 15_00n],
      ["2025-Q1", "VAT", "16%", "USD", 1800_00n, 288_00n, 0n, 0n, 288_00n],
      ["2025-Q2", "VAT", "3%", "USD", 0n, 0n, 83_33n, 2_50n, -2_50n],
      ["2025-Q2", "VAT", "16%", "USD", 0n, 0n, 333_33n, 53_33n, -53_33n],
    ]);
  });

  it("counts an invoice voided after the period in it, and filters by currency and customer", async () => {
    // V1 (70.00 at 16%, issued 02-01) was voided 02-20
    expect(table(await tax({ from: "2025-02-01", to: "2025-02-15" }))).toEqual({
      rows: [
        ["2025-02", "VAT", "3%", "USD", 500_00n, 15_00n, 0n, 0n, 15_00n],
        ["2025-02", "VAT", "16%", "USD", 570_00n, 91_20n, 0n, 0n, 91_20n],
      ],
      totals: [["Total", null, null, "USD", 1070_00n, 106_20n, 0n, 0n, 106_20n]],
    });
    expect(table(await tax({ from: "2025-02-01", to: "2025-02-28" })).rows).toEqual([
      ["2025-02", "VAT", "3%", "USD", 500_00n, 15_00n, 0n, 0n, 15_00n],
      ["2025-02", "VAT", "16%", "USD", 500_00n, 80_00n, 0n, 0n, 80_00n],
    ]);
    expect(table(await tax({ ...H1, by: "quarter", currency: "JPY" })).totals).toEqual([["Total", null, null, "JPY", 65_555n, 6556n, 27_778n, 2778n, 3778n]]);
    const alpha = await tax({ ...H1, by: "quarter", customerId: data.customers.alpha.id });
    expect(table(alpha).totals).toEqual([["Total", null, null, "USD", 1300_00n, 143_00n, 166_66n, 15_83n, 127_17n]]);
    expect(taxReport.params.parse({ by: "week", to: "x" })).toMatchObject({ by: "month" });
  });

  it("credits the base of a 0% tax (nothing to split), in a period of its own", async () => {
    // an invoice of June 2024 at 0%, half credited on 2024-06-10: outside every other test's range
    const { invoice, lines } = await insertFinalizedInvoice(db, {
      customerId: data.customers.beta.id,
      issueDate: "2024-06-01",
      dueDate: "2024-06-30",
      lines: [{ quantity: 2, unitPrice: 50_00n, taxPercents: [0n] }],
    });
    const note = await createCreditNote(db, { invoiceId: invoice.id, reason: "Half returned", lines: [{ invoiceLineId: lines[0]!.id, quantity: 10_000n }], excess: "credit" }, data.actor);
    await db.update(creditNotes).set({ issueDate: "2024-06-10" }).where(eq(creditNotes.id, note.id));
    await db.update(allocations).set({ createdAt: noonOf("2024-06-10") }).where(eq(allocations.creditNoteId, note.id));
    expect(table(await tax({ from: "2024-06-01", to: "2024-06-30" }))).toEqual({
      rows: [["2024-06", "VAT", "0%", "USD", 100_00n, 0n, 50_00n, 0n, 0n]],
      totals: [["Total", null, null, "USD", 100_00n, 0n, 50_00n, 0n, 0n]],
    });
  });
});

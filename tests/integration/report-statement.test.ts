import { and, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invoices, refunds } from "@/db/schema";
import { customerCreditByCurrency } from "@/lib/payments/credit";
import { sumMinor } from "@/lib/payments/sql";
import { statementReport } from "@/lib/reports/statement";
import { createTestDatabase } from "../helpers/db";
import { seedReportBData } from "../helpers/report-b-data";

const { db } = await createTestDatabase();
const data = await seedReportBData(db);
const { acme, beta } = data.customers;

const run = (query: Record<string, string>) => statementReport.run(db, statementReport.params.parse(query));

// [date, document, number, charge, credit, running balance]
type Line = [string, string, string | null, bigint | null, bigint | null, bigint];
const entries = (rows: Awaited<ReturnType<typeof run>>["rows"], currency: string): Line[] =>
  rows
    .filter((row) => row.currency === currency && row.line === "entry")
    .map((row) => [String(row.date), String(row.document), row.number as string | null, row.debit as bigint | null, row.credit as bigint | null, row.balance as bigint]);

describe("customer statement", () => {
  it("needs a customer: without one it has no rows", async () => {
    const result = await run({ from: "2026-03-01", to: "2026-03-31" });
    expect(result.rows).toEqual([]);
    expect(result.totals).toEqual([]);
    expect(result.columns.map((column) => column.key)).toEqual(["date", "document", "number", "description", "currency", "debit", "credit", "balance"]);
  });

  it("gives Acme's opening balance, every document of March with its running balance, and the closing balance, in JPY and USD", async () => {
    const { rows, totals } = await run({ customerId: acme, from: "2026-03-01", to: "2026-03-31" });
    const { invoices: inv, payments: pay, creditNotes: cn } = data;

    // opening = Σ before 1 March. JPY: IAJ1 120,000 − CNJ1 5,000. USD: IA1 1,000 − PA1 600 + RA0 20
    const openings = rows.filter((row) => row.line === "opening").map((row) => [row.currency, row.date, row.balance]);
    expect(openings).toEqual([
      ["JPY", "2026-03-01", 115_000n],
      ["USD", "2026-03-01", 420_00n],
    ]);
    // opening row first, then the entries, per currency
    expect(rows.map((row) => `${String(row.currency)}:${String(row.line)}`)).toEqual([
      "JPY:opening",
      ...Array<string>(4).fill("JPY:entry"),
      "USD:opening",
      ...Array<string>(10).fill("USD:entry"),
    ]);

    expect(entries(rows, "JPY")).toEqual([
      ["2026-03-10", "Invoice", inv.iaj2, 50_000n, null, 165_000n],
      ["2026-03-14", "Credit note", cn.cnj2, null, 20_000n, 145_000n],
      ["2026-03-15", "Payment", pay.pa3, null, 100_000n, 45_000n],
      ["2026-03-25", "Refund", pay.pa3, 10_000n, null, 55_000n],
    ]);
    // PV (voided) never shows; IA3 is charged, credited, then what was left of it is voided;
    // on 27 March the credit note comes before its refund (credit notes sort before refunds)
    expect(entries(rows, "USD")).toEqual([
      ["2026-03-05", "Invoice", inv.ia2, 500_00n, null, 920_00n],
      ["2026-03-12", "Payment", pay.pa2, null, 700_00n, 220_00n],
      ["2026-03-18", "Payment", pay.pg, null, 250_00n, -30_00n],
      ["2026-03-20", "Invoice", inv.ia3, 200_00n, null, 170_00n],
      ["2026-03-21", "Credit note", cn.cna1, null, 50_00n, 120_00n],
      ["2026-03-22", "Refund", pay.pa2, 60_00n, null, 180_00n],
      ["2026-03-25", "Invoice voided", inv.ia3, null, 150_00n, 30_00n],
      ["2026-03-26", "Refund", pay.pg, 50_00n, null, 80_00n],
      ["2026-03-27", "Credit note", cn.cna2, null, 100_00n, -20_00n],
      ["2026-03-27", "Refund", cn.cna2, 100_00n, null, 80_00n],
    ]);

    // closing = opening + charges − credits
    expect(totals.map((row) => [row.currency, row.document, row.date, row.debit, row.credit, row.balance])).toEqual([
      ["JPY", "Closing balance", "2026-03-31", 60_000n, 120_000n, 55_000n],
      ["USD", "Closing balance", "2026-03-31", 910_00n, 1_250_00n, 80_00n],
    ]);

    const details = rows.filter((row) => row.line === "entry" && row.currency === "USD").map((row) => row.description);
    expect(details).toEqual(["", "Cash", "Card", "", `Against ${inv.ia3}`, "Staff refund", "Amount no longer due", "Refunded in the gateway", `Against ${inv.ia1}`, "Staff refund"]);
  });

  it("opening balance of one period is the closing balance of the one before", async () => {
    const february = await run({ customerId: acme, from: "2026-02-01", to: "2026-02-28" });
    const march = await run({ customerId: acme, from: "2026-03-01", to: "2026-03-31" });
    expect(february.rows.filter((row) => row.line === "opening").map((row) => row.balance)).toEqual([0n, 0n]);
    expect(february.totals.map((row) => [row.currency, row.balance])).toEqual(march.rows.filter((row) => row.line === "opening").map((row) => [row.currency, row.balance]));
  });

  it("filters one currency and shows a currency with no documents in the period by its opening balance", async () => {
    const usd = await run({ customerId: acme, from: "2026-03-01", to: "2026-03-31", currency: "usd" });
    expect(new Set(usd.rows.map((row) => row.currency))).toEqual(new Set(["USD"]));
    const quiet = await run({ customerId: acme, from: "2026-03-29", to: "2026-03-31" });
    expect(quiet.rows.map((row) => [row.currency, row.line, row.balance])).toEqual([
      ["JPY", "opening", 55_000n],
      ["USD", "opening", 80_00n],
    ]);
    expect(quiet.totals.map((row) => [row.currency, row.debit, row.credit, row.balance])).toEqual([
      ["JPY", 0n, 0n, 55_000n],
      ["USD", 0n, 0n, 80_00n],
    ]);
  });

  // The identity, per currency, once every document is inside the statement:
  //   closing balance = Σ amount_due of the customer's non-draft, non-void invoices
  //                     − unallocated customer credit (customerCreditByCurrency)
  //                     − Σ pending refunds (credit already reserved for them, money not yet paid out)
  it("closes at what the invoices say is owed minus the customer's credit", async () => {
    for (const customerId of [acme, beta]) {
      const { totals } = await run({ customerId, from: "2026-01-01", to: "2026-12-31" });
      const due = await db
        .select({ currency: invoices.currency, due: sumMinor(invoices.amountDue) })
        .from(invoices)
        .where(and(eq(invoices.customerId, customerId), ne(invoices.status, "draft"), ne(invoices.status, "void")))
        .groupBy(invoices.currency);
      const credit = await customerCreditByCurrency(db, customerId);
      const pending = await db
        .select({ currency: refunds.currency, amount: sumMinor(refunds.amount) })
        .from(refunds)
        .where(and(eq(refunds.customerId, customerId), eq(refunds.status, "pending")))
        .groupBy(refunds.currency);
      const expected = due.map((row) => ({
        currency: row.currency,
        balance: row.due - (credit.find((c) => c.currency === row.currency)?.amount ?? 0n) - (pending.find((p) => p.currency === row.currency)?.amount ?? 0n),
      }));
      expect(totals.map((row) => ({ currency: row.currency, balance: row.balance }))).toEqual(expected.sort((a, b) => a.currency.localeCompare(b.currency)));
    }
    // the figures on both sides, worked out by hand: Acme USD IA2 100 + IA4 300 − credit 20 (PA2);
    // JPY IAJ1 25,000 + IAJ2 25,000; Beta IB1 100 − credit 60 (PB2 90 − pending 30) − pending 30
    const acmeAll = await run({ customerId: acme, from: "2026-01-01", to: "2026-12-31" });
    expect(acmeAll.totals.map((row) => [row.currency, row.balance])).toEqual([
      ["JPY", 50_000n],
      ["USD", 380_00n],
    ]);
    const betaAll = await run({ customerId: beta, from: "2026-01-01", to: "2026-12-31" });
    expect(betaAll.totals.map((row) => [row.currency, row.balance])).toEqual([["USD", 10_00n]]);
    expect(await customerCreditByCurrency(db, beta)).toEqual([{ currency: "USD", amount: 60_00n }]);
  });

  it("runs its query as the bench would, straight from params", async () => {
    const params = statementReport.params.parse({ customerId: beta, from: "2026-03-01", to: "2026-03-31" });
    const result = await db.execute(statementReport.query(params));
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    // Beta: opening, IB1, PB1, PB2, RB1 (dispute), closing
    expect(rows).toHaveLength(6);
  });
});

import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rawRows } from "@/db/raw-rows";
import { disputes, invoices, payments, refunds } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { recentActivity } from "@/lib/dashboard/activity";
import { dashboardAlerts } from "@/lib/dashboard/alerts";
import { dashboardCards } from "@/lib/dashboard/cards";
import { methodBreakdown, revenueByMonth, statusBreakdown } from "@/lib/dashboard/charts";
import { dashboardCurrencies, pickCurrency } from "@/lib/dashboard/currencies";
import { hasInvoices, loadDashboard } from "@/lib/dashboard/load";
import { overdueInvoices } from "@/lib/dashboard/overdue";
import { parseDashboardParams } from "@/lib/dashboard/params";
import { topCustomers } from "@/lib/dashboard/top-customers";
import { recordPayment } from "@/lib/payments/record";
import { issueRefund } from "@/lib/refunds/issue";
import { createTestDatabase } from "../helpers/db";
import { insertFinalizedInvoice, insertTestCustomer } from "../helpers/invoice-rows";
import { createPaymentsTestbed } from "../helpers/payments";

// A known data set in USD (2 decimals) and JPY (0 decimals), with "today" fixed at 2026-06-15:
// every figure below is worked out by hand in the comments. Dates in the past that the commands
// stamp with the clock (paid_at, refunded_on) are set directly on the rows afterwards.
const TODAY = "2026-06-15";
const RANGE = { from: "2025-07-01", to: TODAY };

const { db } = await createTestDatabase();
const { actor, payment } = await createPaymentsTestbed(db);

const noGateway = () => {
  throw new Error("manual refunds never call a gateway");
};

const ids: Record<string, string> = {};

async function invoice(name: string, customerId: string, total: bigint, issueDate: string, dueDate: string, extra: { currency?: string; status?: "sent" | "void" | "draft" } = {}) {
  const { invoice: row } = await insertFinalizedInvoice(db, {
    customerId,
    lines: [{ quantity: 1, unitPrice: total }],
    issueDate,
    dueDate,
    currency: extra.currency ?? "USD",
    status: extra.status ?? "sent",
  });
  ids[name] = row.id;
  return row;
}

async function paidAt(name: string, at: string) {
  await db.update(invoices).set({ paidAt: new Date(at) }).where(eq(invoices.id, ids[name]!));
}

beforeAll(async () => {
  expect(await hasInvoices(db)).toBe(false);
  const alpha = await insertTestCustomer(db, "Alpha Ltd");
  const beta = await insertTestCustomer(db, "Beta GmbH");
  const gamma = await insertTestCustomer(db, "Gamma KK", "JPY");

  // USD
  await invoice("U1", alpha, 100_00n, "2026-05-01", "2026-05-31");
  const p1 = await recordPayment(db, payment(alpha, 100_00n, [{ invoiceId: ids.U1!, amount: 100_00n }], { receivedOn: "2026-05-10" }), actor);
  ids.P1 = p1.paymentId;
  await paidAt("U1", "2026-05-10T12:00:00Z"); // 9 days to pay
  await invoice("U2", alpha, 200_00n, "2026-06-01", "2026-06-30");
  await recordPayment(db, payment(alpha, 50_00n, [{ invoiceId: ids.U2!, amount: 50_00n }], { receivedOn: "2026-06-05", method: "cash" }), actor);
  await invoice("U3", beta, 300_00n, "2026-04-01", "2026-04-30"); // overdue 46 days
  await invoice("U4", beta, 80_00n, "2026-03-01", "2026-03-31");
  await recordPayment(db, payment(beta, 80_00n, [{ invoiceId: ids.U4!, amount: 80_00n }], { receivedOn: "2026-06-10", method: "check" }), actor);
  await paidAt("U4", "2026-06-10T09:00:00Z"); // 101 days to pay
  await invoice("U5", alpha, 40_00n, "2026-06-02", "2026-06-30", { status: "void" });
  await invoice("U6", beta, 25_00n, "2025-05-01", "2025-05-31"); // before the range; overdue 380 days
  await invoice("D1", alpha, 10_00n, "2026-06-03", "2026-06-30", { status: "draft" });
  const p4 = await recordPayment(db, payment(beta, 50_00n, [], { receivedOn: "2026-06-11", keepExcessAsCredit: true }), actor);
  ids.P4 = p4.paymentId;
  ids.P4number = p4.number;
  const refund = await issueRefund(db, { paymentId: p4.paymentId, amount: 30_00n, reason: "Overpaid" }, actor, noGateway);
  await db.update(refunds).set({ refundedOn: "2026-06-12" }).where(eq(refunds.id, refund.id));
  ids.R1 = refund.id;

  // money that is not collected: a submission awaiting approval, a pending card payment, a failed one
  const base = { customerId: alpha, currency: "USD", receivedOn: "2026-06-14" };
  await db.insert(payments).values([
    { ...base, number: "PAY-T-1", amount: 70_00n, method: "bank_transfer", status: "pending", origin: "customer" },
    { ...base, number: "PAY-T-2", amount: 60_00n, method: "card", status: "pending", origin: "customer", gateway: "stripe" },
    { ...base, number: "PAY-T-3", amount: 999_00n, method: "card", status: "failed", origin: "customer", gateway: "stripe" },
  ]);

  // disputes on P1: two open (one with evidence already in), one won
  const dispute = { paymentId: p1.paymentId, gateway: "stripe" as const, currency: "USD", amount: 100_00n, reason: "fraudulent" };
  await db.insert(disputes).values([
    { ...dispute, gatewayDisputeId: "dp_1", status: "needs_response", evidenceDueBy: new Date("2026-06-20T00:00:00Z") },
    { ...dispute, gatewayDisputeId: "dp_2", status: "under_review", evidenceDueBy: new Date("2026-06-18T00:00:00Z"), evidenceSubmittedAt: new Date("2026-06-14T00:00:00Z") },
    { ...dispute, gatewayDisputeId: "dp_3", status: "won", evidenceDueBy: new Date("2026-06-16T00:00:00Z") },
  ]);

  // JPY
  await invoice("J1", gamma, 50_000n, "2026-06-01", "2026-06-10", { currency: "JPY" }); // overdue 5 days
  await recordPayment(db, payment(gamma, 20_000n, [{ invoiceId: ids.J1!, amount: 20_000n }], { currency: "JPY", receivedOn: "2026-06-03" }), actor);
  await invoice("J2", gamma, 12_000n, "2025-12-01", "2025-12-31", { currency: "JPY" });
  await recordPayment(db, payment(gamma, 12_000n, [{ invoiceId: ids.J2!, amount: 12_000n }], { currency: "JPY", receivedOn: "2026-01-05" }), actor);
  await paidAt("J2", "2026-01-05T23:30:00Z"); // 35 days to pay

  // not money: must stay out of the activity feed
  await writeAudit(db, actor, { action: "customer.updated", entityType: "customer", entityId: alpha, after: { notes: "x" } });
});

describe("dashboard figures", () => {
  it("lists the currencies with data, most used first, and picks one without mixing", async () => {
    const currencies = await dashboardCurrencies(db);
    // USD: 6 non-draft invoices + 4 succeeded payments; JPY: 2 + 2
    expect(currencies).toEqual([
      { currency: "USD", documents: 10 },
      { currency: "JPY", documents: 4 },
    ]);
    expect(pickCurrency(undefined, currencies, "JPY")).toBe("JPY");
    expect(pickCurrency("JPY", currencies, "USD")).toBe("JPY");
    expect(pickCurrency("EUR", currencies, "EUR")).toBe("USD");
    expect(pickCurrency("EUR", currencies, "GBP")).toBe("USD");
    expect(pickCurrency(undefined, [], "GBP")).toBe("GBP");
    expect(await hasInvoices(db)).toBe(true);
  });

  it("computes the cards in USD", async () => {
    const cards = await dashboardCards(db, "USD", RANGE, TODAY);
    // June so far: 50.00 + 80.00 + 50.00 − 30.00 refunded; May: 100.00
    expect(cards.revenue).toEqual({
      windows: { thisMonth: { from: "2026-06-01", to: TODAY }, lastMonth: { from: "2026-05-01", to: "2026-05-31" } },
      thisMonth: 150_00n,
      lastMonth: 100_00n,
      changeTenths: 500n,
    });
    expect(cards.outstanding).toEqual({ amount: 150_00n + 300_00n + 25_00n, count: 3 });
    expect(cards.overdue).toEqual({ amount: 300_00n + 25_00n, count: 2 });
    expect(cards.daysToPay).toEqual({ average: "55.0", count: 2 });
  });

  it("computes the cards in JPY", async () => {
    const cards = await dashboardCards(db, "JPY", RANGE, TODAY);
    expect(cards.revenue).toMatchObject({ thisMonth: 20_000n, lastMonth: 0n, changeTenths: null });
    expect(cards.outstanding).toEqual({ amount: 30_000n, count: 1 });
    expect(cards.overdue).toEqual({ amount: 30_000n, count: 1 });
    expect(cards.daysToPay).toEqual({ average: "35.0", count: 1 });
  });

  it("counts days to pay only for invoices paid inside the range", async () => {
    const cards = await dashboardCards(db, "USD", { from: "2026-06-01", to: TODAY }, TODAY);
    expect(cards.daysToPay).toEqual({ average: "101.0", count: 1 });
    const none = await dashboardCards(db, "USD", { from: "2025-07-01", to: "2025-12-31" }, TODAY);
    expect(none.daysToPay).toEqual({ average: null, count: 0 });
  });

  it("charts collected vs invoiced for every month of the range, zero when empty", async () => {
    const usd = await revenueByMonth(db, "USD", RANGE);
    expect(usd.map((point) => point.month)).toEqual([
      "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
    ]);
    const nonZero = usd.filter((point) => point.collected !== 0n || point.invoiced !== 0n);
    expect(nonZero).toEqual([
      { month: "2026-03", collected: 0n, invoiced: 80_00n },
      { month: "2026-04", collected: 0n, invoiced: 300_00n },
      { month: "2026-05", collected: 100_00n, invoiced: 100_00n },
      // the void invoice and the draft are not invoiced; the refund comes off June
      { month: "2026-06", collected: 150_00n, invoiced: 200_00n },
    ]);
    const jpy = await revenueByMonth(db, "JPY", RANGE);
    expect(jpy.filter((point) => point.collected !== 0n || point.invoiced !== 0n)).toEqual([
      { month: "2025-12", collected: 0n, invoiced: 12_000n },
      { month: "2026-01", collected: 12_000n, invoiced: 0n },
      { month: "2026-06", collected: 20_000n, invoiced: 50_000n },
    ]);
  });

  it("breaks invoices down by the status their badge shows, overdue derived", async () => {
    const usd = await statusBreakdown(db, "USD", RANGE, TODAY);
    expect(usd.map(({ status, count, total }) => ({ status, count, total }))).toEqual([
      { status: "draft", count: 1, total: 10_00n },
      { status: "partial", count: 1, total: 200_00n },
      { status: "overdue", count: 1, total: 300_00n },
      { status: "paid", count: 2, total: 180_00n },
      { status: "void", count: 1, total: 40_00n },
    ]);
    expect(usd.find((slice) => slice.status === "partial")?.amountDue).toBe(150_00n);
    expect(usd.find((slice) => slice.status === "paid")?.amountDue).toBe(0n);
    const jpy = await statusBreakdown(db, "JPY", RANGE, TODAY);
    expect(jpy).toEqual([
      { status: "overdue", count: 1, total: 50_000n, amountDue: 30_000n },
      { status: "paid", count: 1, total: 12_000n, amountDue: 0n },
    ]);
  });

  it("breaks succeeded payments down by method, largest first", async () => {
    expect(await methodBreakdown(db, "USD", RANGE)).toEqual([
      { method: "bank_transfer", count: 2, amount: 150_00n },
      { method: "check", count: 1, amount: 80_00n },
      { method: "cash", count: 1, amount: 50_00n },
    ]);
    expect(await methodBreakdown(db, "JPY", RANGE)).toEqual([{ method: "bank_transfer", count: 2, amount: 32_000n }]);
  });

  it("ranks customers by net collected in the range, per currency", async () => {
    const usd = await topCustomers(db, "USD", RANGE);
    expect(usd.map(({ name, collected }) => ({ name, collected }))).toEqual([
      { name: "Alpha Ltd", collected: 150_00n },
      { name: "Beta GmbH", collected: 100_00n },
    ]);
    const jpy = await topCustomers(db, "JPY", RANGE);
    expect(jpy.map(({ name, collected }) => ({ name, collected }))).toEqual([{ name: "Gamma KK", collected: 32_000n }]);
    const june = await topCustomers(db, "USD", { from: "2026-06-01", to: TODAY }, 1);
    expect(june.map(({ name, collected }) => ({ name, collected }))).toEqual([{ name: "Beta GmbH", collected: 100_00n }]);
  });

  it("lists overdue invoices oldest first, in the chosen currency only", async () => {
    const usd = await overdueInvoices(db, "USD", TODAY);
    expect(usd.map(({ id, daysOverdue, amountDue, currency }) => ({ id, daysOverdue, amountDue, currency }))).toEqual([
      { id: ids.U6, daysOverdue: 380, amountDue: 25_00n, currency: "USD" },
      { id: ids.U3, daysOverdue: 46, amountDue: 300_00n, currency: "USD" },
    ]);
    expect(usd[0]?.customerName).toBe("Beta GmbH");
    const jpy = await overdueInvoices(db, "JPY", TODAY);
    expect(jpy.map(({ id, daysOverdue, amountDue }) => ({ id, daysOverdue, amountDue }))).toEqual([{ id: ids.J1, daysOverdue: 5, amountDue: 30_000n }]);
    expect(await overdueInvoices(db, "USD", TODAY, 1)).toHaveLength(1);
  });

  it("counts pending approvals and open disputes with the nearest evidence deadline", async () => {
    expect(await dashboardAlerts(db)).toEqual({ pendingApprovals: 1, openDisputes: 2, nearestEvidenceDue: new Date("2026-06-20T00:00:00Z") });
  });

  it("shows the latest money audit rows with actor, subject and a link", async () => {
    const activity = await recentActivity(db);
    expect(activity.length).toBeGreaterThan(0);
    expect(activity.length).toBeLessThanOrEqual(15);
    expect(activity.every((row) => /^(invoice|payment|refund|dispute|credit_note)\./.test(row.action))).toBe(true);
    const times = activity.map((row) => row.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const refundRows = activity.filter((row) => row.action.startsWith("refund."));
    expect(refundRows.map((row) => row.action).sort()).toEqual(["refund.create", "refund.succeed"]);
    for (const row of refundRows) {
      expect(row).toMatchObject({ summary: expect.any(String), subject: ids.P4number, amount: { minor: 30_00n, currency: "USD" }, href: `/payments/${ids.P4}` });
      expect(row.actorName).toBe("Finance 1");
    }
    const jpyPayment = activity.find((row) => row.action === "payment.record" && row.amount?.currency === "JPY");
    expect(jpyPayment?.href).toMatch(/^\/payments\/[0-9a-f-]{36}$/);
    expect(await recentActivity(db, 3)).toHaveLength(3);
  });

  it("keeps each currency's figures to its own rows", async () => {
    // the USD net collected in the range, straight from the tables, equals the chart's sum
    const [row] = await db.execute(sql`select
        (select coalesce(sum(amount), 0) from payments where status = 'succeeded' and currency = 'USD' and received_on between '2025-07-01' and '2026-06-15')
        - (select coalesce(sum(amount), 0) from refunds where status = 'succeeded' and payment_id is not null and currency = 'USD' and refunded_on between '2025-07-01' and '2026-06-15') as net`).then((result) => rawRows<{ net: string | number }>(result));
    const usd = await revenueByMonth(db, "USD", RANGE);
    expect(usd.reduce((sum, point) => sum + point.collected, 0n)).toBe(BigInt(String(row?.net)));
    expect(usd.reduce((sum, point) => sum + point.collected, 0n)).toBe(250_00n);
    // a currency with no data shows zeros, never another currency's figures
    const eur = await loadDashboard(db, { ...RANGE, currency: "EUR", custom: true }, TODAY);
    expect(eur.currency).toBe("USD");
    const cards = await dashboardCards(db, "EUR", RANGE, TODAY);
    expect(cards).toMatchObject({ outstanding: { amount: 0n, count: 0 }, overdue: { amount: 0n, count: 0 }, revenue: { thisMonth: 0n, lastMonth: 0n } });
    expect(await topCustomers(db, "EUR", RANGE)).toEqual([]);
  });

  it("loads the whole dashboard for the chosen currency", async () => {
    const dashboard = await loadDashboard(db, parseDashboardParams({ currency: "jpy" }, TODAY), TODAY);
    expect(dashboard).toMatchObject({ currency: "JPY", from: "2025-07-01", to: TODAY });
    expect(dashboard.cards.outstanding.amount).toBe(30_000n);
    expect(dashboard.revenueByMonth).toHaveLength(12);
    expect(dashboard.overdue.every((row) => row.currency === "JPY")).toBe(true);
    expect(dashboard.topCustomers.map((row) => row.name)).toEqual(["Gamma KK"]);
  });
});

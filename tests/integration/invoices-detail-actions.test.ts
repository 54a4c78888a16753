import { eq } from "drizzle-orm";
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { creditNotes, invoices } from "@/db/schema";
import { previewTotal } from "@/components/credit-notes/credit-math";
import { InvoicesTab } from "@/components/customers/detail/invoices-tab";
import { PaymentsTab } from "@/components/customers/detail/payments-tab";
import { SummaryCards } from "@/components/customers/detail/summary-cards";
import { ActionBar } from "@/components/invoices/detail/action-bar";
import { AppliedMoney } from "@/components/invoices/detail/applied-money";
import { availableActions } from "@/components/invoices/detail/available-actions";
import { InvoiceFacts } from "@/components/invoices/detail/facts";
import { LinesTable } from "@/components/invoices/detail/lines-table";
import { InvoiceTotals } from "@/components/invoices/detail/totals";
import { allocationTotals, suggestionRows } from "@/components/payments/allocation-math";
import type { Actor } from "@/lib/audit";
import { createCreditNote } from "@/lib/credit-notes/create";
import { creditableLines } from "@/lib/credit-notes/queries";
import { customerInvoiceSummary, listCustomerInvoices } from "@/lib/customers/invoice-summary";
import { addDaysIso, todayIso } from "@/lib/invoices/dates";
import { getInvoiceDetail } from "@/lib/invoices/detail";
import { listCustomerPayments, listInvoicePayments } from "@/lib/payments/queries";
import { recordPayment, suggestAllocations } from "@/lib/payments/record";
import { createTestDatabase } from "../helpers/db";
import { insertFinalizedInvoice, insertStaffActor, insertTestCustomer, VAT_AND_UNTAXED_LINES } from "../helpers/invoice-rows";

// The figures and choices behind the invoice detail page and the customer page's invoice tabs.

// rendering the buttons never calls the server actions (they need a request) or the router
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn(), replace: vi.fn() }) }));
vi.mock("@/app/(staff)/invoices/[id]/actions", () => ({}));
vi.mock("@/app/(staff)/invoices/[id]/payment-actions", () => ({}));
vi.mock("@/app/(staff)/invoices/[id]/credit-note-actions", () => ({}));
vi.mock("@/app/(staff)/invoices/[id]/send-actions", () => ({}));

const { db } = await createTestDatabase();
let actor: Actor;

beforeAll(async () => {
  actor = await insertStaffActor(db);
});

// 3 × $100.00 at 16% VAT ($348.00) and 1 × $50.00 untaxed: total $398.00
const LINES = VAT_AND_UNTAXED_LINES;

async function pay(customerId: string, invoiceId: string | null, amount: bigint, currency = "USD") {
  return recordPayment(
    db,
    {
      customerId,
      currency,
      amount,
      method: "bank_transfer",
      reference: null,
      note: null,
      receivedOn: todayIso(),
      allocations: invoiceId ? [{ invoiceId, amount }] : [],
      keepExcessAsCredit: invoiceId === null,
    },
    actor,
  );
}

describe("customerInvoiceSummary", () => {
  it("shows zeros in the customer's own currency before the first invoice", async () => {
    const customerId = await insertTestCustomer(db, "New Co", "KES");
    expect(await customerInvoiceSummary(db, { id: customerId, currency: "KES" })).toEqual({
      invoiceCount: 0,
      totals: [{ currency: "KES", billed: 0n, paid: 0n, outstanding: 0n, overdue: 0n, credit: 0n }],
      averageDaysToPay: null,
    });
  });

  it("sums billed, paid, outstanding and overdue per currency; drafts and void invoices bill nothing", async () => {
    const customerId = await insertTestCustomer(db, "Summary Co", "USD");
    const today = "2026-06-01";
    const overdue = await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "sent", issueDate: "2026-04-01", dueDate: "2026-05-01" });
    const notDue = await insertFinalizedInvoice(db, { customerId, lines: LINES, issueDate: "2026-05-20", dueDate: "2026-06-19" });
    await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "draft" });
    await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "void" });
    await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "uncollectible" });
    await insertFinalizedInvoice(db, { customerId, lines: [{ quantity: 2, unitPrice: 75_00n }], currency: "EUR", issueDate: "2026-05-01", dueDate: "2026-05-15" });
    await pay(customerId, overdue.invoice.id, 100_00n);
    await pay(customerId, notDue.invoice.id, 398_00n);

    const summary = await customerInvoiceSummary(db, { id: customerId, currency: "USD" }, today);
    expect(summary.invoiceCount).toBe(6);
    expect(summary.totals).toEqual([
      // billed: two open/paid + the uncollectible one; outstanding leaves the written-off one out
      { currency: "USD", billed: 3n * 398_00n, paid: 498_00n, outstanding: 298_00n, overdue: 298_00n, credit: 0n },
      { currency: "EUR", billed: 150_00n, paid: 0n, outstanding: 150_00n, overdue: 150_00n, credit: 0n },
    ]);
  });

  it("averages the days from issue to full payment and counts credit per currency", async () => {
    const customerId = await insertTestCustomer(db, "Prompt Payer", "USD");
    const today = todayIso();
    const tenDays = await insertFinalizedInvoice(db, { customerId, lines: LINES, issueDate: addDaysIso(today, -10), dueDate: addDaysIso(today, 20) });
    const fiveDays = await insertFinalizedInvoice(db, { customerId, lines: LINES, issueDate: addDaysIso(today, -5), dueDate: addDaysIso(today, 25) });
    const unpaid = await insertFinalizedInvoice(db, { customerId, lines: LINES, issueDate: addDaysIso(today, -40), dueDate: addDaysIso(today, -10) });
    await pay(customerId, tenDays.invoice.id, 398_00n);
    await pay(customerId, fiveDays.invoice.id, 398_00n);
    await pay(customerId, unpaid.invoice.id, 1_00n);
    // money with no invoice to go to stays as customer credit
    await pay(customerId, null, 25_00n);
    await pay(customerId, null, 40n, "KES");

    const summary = await customerInvoiceSummary(db, { id: customerId, currency: "USD" });
    expect(summary.averageDaysToPay).toBe(7.5);
    expect(summary.totals).toEqual([
      { currency: "USD", billed: 3n * 398_00n, paid: 797_00n, outstanding: 397_00n, overdue: 397_00n, credit: 25_00n },
      { currency: "KES", billed: 0n, paid: 0n, outstanding: 0n, overdue: 0n, credit: 40n },
    ]);
  });

  it("leaves deleted invoices out", async () => {
    const customerId = await insertTestCustomer(db, "Tidy Co", "USD");
    const { invoice } = await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "draft" });
    await db.update(invoices).set({ deletedAt: new Date() }).where(eq(invoices.id, invoice.id));
    expect((await customerInvoiceSummary(db, { id: customerId, currency: "USD" })).invoiceCount).toBe(0);
    expect(await listCustomerInvoices(db, customerId)).toEqual([]);
  });
});

describe("listCustomerInvoices", () => {
  it("lists newest first, drafts included, with overdue derived for the given day", async () => {
    const customerId = await insertTestCustomer(db, "Listed Co", "USD");
    const old = await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "sent", issueDate: "2026-01-01", dueDate: "2026-01-31" });
    const paid = await insertFinalizedInvoice(db, { customerId, lines: LINES, issueDate: "2026-02-01", dueDate: "2026-02-28" });
    const draft = await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "draft", issueDate: "2026-03-01", dueDate: "2026-03-31" });
    await pay(customerId, paid.invoice.id, 398_00n);

    const rows = await listCustomerInvoices(db, customerId, "2026-06-01");
    expect(rows.map((row) => [row.id, row.status, row.amountDue])).toEqual([
      [draft.invoice.id, "draft", 398_00n],
      [paid.invoice.id, "paid", 0n],
      [old.invoice.id, "overdue", 398_00n],
    ]);
    expect(rows[0]?.number).toBeNull();
    expect(await listCustomerInvoices(db, customerId, "2026-06-01", 1)).toHaveLength(1);
  });
});

describe("availableActions", () => {
  const all = { invoicesWrite: true, paymentsWrite: true };
  const readOnly = { invoicesWrite: false, paymentsWrite: false };

  it("offers edit, finalize and delete on a draft, and nothing about money", () => {
    expect(availableActions({ status: "draft", amountDue: 100n }, all, 0n)).toEqual({
      edit: true, finalize: true, deleteDraft: true, send: null, recordPayment: false, applyCredit: false,
      creditNote: false, void: false, markUncollectible: false, duplicate: true,
    });
  });

  it("sends first, then reminds; money actions follow what is owed and the customer's credit", () => {
    expect(availableActions({ status: "finalized", amountDue: 100n }, all, 0n)).toMatchObject({ send: "send", recordPayment: true, applyCredit: false, creditNote: true, void: true, edit: false });
    expect(availableActions({ status: "partial", amountDue: 100n }, all, 5n)).toMatchObject({ send: "reminder", recordPayment: true, applyCredit: true, markUncollectible: true });
    expect(availableActions({ status: "paid", amountDue: 0n }, all, 5n)).toMatchObject({ send: null, recordPayment: false, applyCredit: false, creditNote: true, void: false });
    expect(availableActions({ status: "void", amountDue: 0n }, all, 0n)).toMatchObject({ creditNote: false, void: false, duplicate: true });
  });

  it("splits invoice and payment permissions, and shows a read-only user no buttons", () => {
    expect(availableActions({ status: "sent", amountDue: 100n }, { invoicesWrite: false, paymentsWrite: true }, 5n)).toMatchObject({ recordPayment: true, applyCredit: true, send: null, creditNote: false, void: false });
    expect(Object.values(availableActions({ status: "sent", amountDue: 100n }, readOnly, 5n)).filter(Boolean)).toEqual([]);
  });
});

describe("record-payment form figures", () => {
  it("prefills the server's oldest-first suggestion and keeps a running allocated / unallocated total", async () => {
    const customerId = await insertTestCustomer(db, "Allocating Co", "USD");
    const older = await insertFinalizedInvoice(db, { customerId, lines: LINES, issueDate: "2026-01-01", dueDate: "2026-01-31" });
    const newer = await insertFinalizedInvoice(db, { customerId, lines: LINES, issueDate: "2026-02-01", dueDate: "2026-02-28" });
    const suggestions = await suggestAllocations(db, customerId, "USD", 500_00n);
    const rows = suggestionRows(suggestions, "USD");
    expect(rows).toEqual([
      { invoiceId: older.invoice.id, amount: "398.00" },
      { invoiceId: newer.invoice.id, amount: "102.00" },
    ]);
    expect(allocationTotals("500", rows, "USD")).toEqual({ payment: 500_00n, allocated: 500_00n, unallocated: 0n });
    // edited by hand: a blank row and a half-typed one count as nothing
    expect(allocationTotals("600.00", [{ amount: "398" }, { amount: "" }, { amount: "1.2.3" }], "USD")).toEqual({ payment: 600_00n, allocated: 398_00n, unallocated: 202_00n });
    expect(allocationTotals("100", [{ amount: "150" }], "USD").unallocated).toBe(-50_00n);
    expect(suggestionRows(await suggestAllocations(db, customerId, "USD", 0n), "USD").map((row) => row.amount)).toEqual(["", ""]);
  });
});

describe("credit-note preview", () => {
  it("previews exactly the total the credit note gets, after earlier notes took rounded shares", async () => {
    const customerId = await insertTestCustomer(db, "Rounding Co", "USD");
    // 3 × $33.33 at 16%: shares of the line do not divide evenly
    const { invoice, lines } = await insertFinalizedInvoice(db, { customerId, lines: [{ quantity: 3, unitPrice: 33_33n, taxPercents: [16_000n] }, { quantity: 7, unitPrice: 1_01n, taxPercents: [16_000n] }] });
    const first = lines[0]!;
    await createCreditNote(db, { invoiceId: invoice.id, reason: "One unit", lines: [{ invoiceLineId: first.id, quantity: 10_000n }], excess: "credit" }, actor);

    const creditable = await creditableLines(db, invoice.id);
    const typed = [{ quantity: "1" }, { quantity: "2.5" }];
    const preview = previewTotal(creditable, "lines", typed);
    const note = await createCreditNote(
      db,
      { invoiceId: invoice.id, reason: "More", lines: [{ invoiceLineId: first.id, quantity: 10_000n }, { invoiceLineId: lines[1]!.id, quantity: 25_000n }], excess: "credit" },
      actor,
    );
    const [stored] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    const [row] = await db.select().from(creditNotes).where(eq(creditNotes.id, note.id));
    expect(row?.total).toBe(preview);

    // and "whole invoice" previews exactly what is left owing
    const rest = previewTotal(await creditableLines(db, invoice.id), "all", undefined);
    expect(rest).toBe(stored?.amountDue);
  });
});

describe("detail page pieces", () => {
  it("render the stored invoice, its money and the buttons its status allows", async () => {
    const customerId = await insertTestCustomer(db, "Rendered Co", "USD");
    const { invoice } = await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "sent" });
    await pay(customerId, invoice.id, 100_00n);
    const detail = await getInvoiceDetail(db, invoice.id);
    if (!detail) throw new Error("the invoice vanished");
    const payments = await listInvoicePayments(db, invoice.id);
    const show = availableActions(detail.invoice, { invoicesWrite: true, paymentsWrite: true }, 0n);

    const html = renderToStaticMarkup(
      createElement(Fragment, null, [
        createElement(ActionBar, { key: "a", invoice: detail.invoice, label: detail.invoice.number ?? "", show, customerCredit: 0n, creditableLines: await creditableLines(db, invoice.id) }),
        createElement(LinesTable, { key: "l", lines: detail.lines, currency: "USD" }),
        createElement(InvoiceTotals, { key: "t", detail }),
        createElement(InvoiceFacts, { key: "f", invoice: detail.invoice }),
        createElement(AppliedMoney, { key: "m", invoiceId: invoice.id, currency: "USD", payments, creditNotes: detail.creditNotes, allocations: detail.allocations, canVoidPayments: true }),
      ]),
    );
    for (const testId of ["record-payment", "reminder-invoice-button", "issue-credit-note", "preview-pdf", "download-pdf", "invoice-more-actions"]) {
      expect(html).toContain(`data-testid="${testId}"`);
    }
    expect(html).not.toContain('data-testid="finalize-invoice"');
    expect(html.match(/data-testid="invoice-line"/g)).toHaveLength(2);
    expect(html).toMatch(/on \$300\.00<\/span><\/dt><dd class="tabular-nums" data-testid="invoice-tax-row">\$48\.00</);
    expect(html).toMatch(/data-testid="invoice-total">\$398\.00</);
    expect(html).toMatch(/data-testid="invoice-amount-paid">−\$100\.00</);
    expect(html).toMatch(/data-testid="amount-due">\$298\.00</);
    expect(html).toContain(payments[0]?.number);
  });

  it("render the customer page's invoice and payment tabs and figures", async () => {
    const customerId = await insertTestCustomer(db, "Tabbed Co", "USD");
    const { invoice } = await insertFinalizedInvoice(db, { customerId, lines: LINES, status: "sent", dueDate: "2026-01-31" });
    const payment = await pay(customerId, invoice.id, 98_00n);
    const html = renderToStaticMarkup(
      createElement(Fragment, null, [
        createElement(SummaryCards, { key: "s", currency: "USD", creditLimit: null, paymentTerms: 30, summary: await customerInvoiceSummary(db, { id: customerId, currency: "USD" }, "2026-06-01") }),
        createElement(InvoicesTab, { key: "i", customerId, invoices: await listCustomerInvoices(db, customerId, "2026-06-01"), canCreate: true }),
        createElement(PaymentsTab, { key: "p", payments: await listCustomerPayments(db, customerId) }),
      ]),
    );
    expect(html).toMatch(/data-testid="customer-outstanding">\$300\.00</);
    expect(html).toContain("$300.00 overdue");
    expect(html).toContain(`href="/invoices/${invoice.id}"`);
    expect(html).toContain('data-status="overdue"');
    expect(html).toContain(`href="/invoices/new?customerId=${customerId}"`);
    expect(html).toContain(payment.number);
  });
});

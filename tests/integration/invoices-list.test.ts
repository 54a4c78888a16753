import { and, eq } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, invoices, users, type NewInvoice } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { invoicesCsvStream, scopeWhere, startInvoiceExport, EXPORT_COLUMNS } from "@/lib/invoices/export";
import { hasAnyInvoice, invoiceCurrencies, listInvoices } from "@/lib/invoices/list";
import { parseInvoiceListParams, type InvoiceSearchParams } from "@/lib/invoices/list-params";
import { insertCustomers } from "../helpers/customers";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
const TODAY = "2026-03-15";
const PAGER = 60;
let actor: Actor;
let acmeId: string;
let globexId: string;
let formulaId: string;
const ids: Record<string, string> = {};

let sequence = 0;
/** One invoice straight into the table: amount_due follows the schema's balance check. */
async function invoice(key: string, values: Partial<NewInvoice> & Pick<NewInvoice, "customerId">) {
  const status = values.status ?? "sent";
  const total = values.total ?? 10_000n;
  const amountPaid = values.amountPaid ?? (status === "paid" ? total : 0n);
  sequence += 1;
  const [row] = await db
    .insert(invoices)
    .values({
      number: status === "draft" ? null : `INV-2026-${String(sequence).padStart(5, "0")}`,
      currency: "USD",
      issueDate: "2026-02-01",
      dueDate: "2026-04-01",
      subtotal: total,
      ...values,
      status,
      total,
      amountPaid,
      amountDue: total - amountPaid,
    })
    .returning({ id: invoices.id, number: invoices.number });
  ids[key] = row!.id;
  return row!;
}

const list = (params: InvoiceSearchParams) => listInvoices(db, parseInvoiceListParams(params), TODAY);
/** Keys of the named (non-pager) invoices the filters match, sorted. */
async function keysOf(params: InvoiceSearchParams) {
  const names = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
  const rows = [];
  for (let page = 1; ; page++) {
    const result = await list({ ...params, page: String(page) });
    rows.push(...result.rows);
    if (page >= result.pageCount) break;
  }
  return rows.flatMap((row) => (names.has(row.id) ? [names.get(row.id)!] : [])).sort();
}

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  const [finance] = await db.select({ id: users.id }).from(users).where(eq(users.role, "finance"));
  actor = { userId: finance!.id, label: "finance@demo.cleanpay.test" };
  [{ id: acmeId }, { id: globexId }, { id: formulaId }] = await insertCustomers(db, [
    { companyName: "Acme Trading" },
    { companyName: "Globex Japan KK", currency: "JPY" },
    { companyName: '=HYPERLINK("http://evil.test")' },
  ]).then((rows) => rows.map((row) => ({ id: row.id })));

  await invoice("usdSent", { customerId: acmeId, total: 123_450n, issueDate: "2026-03-01", dueDate: "2026-03-31" });
  await invoice("usdOverdue", { customerId: acmeId, total: 50_000n, issueDate: "2026-01-10", dueDate: "2026-02-09" });
  await invoice("usdPartialOverdue", { customerId: acmeId, status: "partial", total: 80_000n, amountPaid: 30_000n, dueDate: "2026-03-14" });
  await invoice("usdDueToday", { customerId: acmeId, status: "viewed", total: 1_200n, dueDate: TODAY });
  await invoice("usdPaidLate", { customerId: acmeId, status: "paid", total: 120_000n, dueDate: "2026-02-15" });
  await invoice("usdDraft", { customerId: acmeId, status: "draft", total: 999n, issueDate: "2026-03-10", dueDate: "2026-03-10" });
  await invoice("usdVoid", { customerId: acmeId, status: "void", total: 7_000n, dueDate: "2026-02-02" });
  await invoice("jpySent", { customerId: globexId, currency: "JPY", total: 1_200n, issueDate: "2026-02-20", dueDate: "2026-03-20" });
  await invoice("jpyOverdue", { customerId: globexId, currency: "JPY", status: "finalized", total: 50_000n, dueDate: "2026-03-01" });
  await invoice("kwd", { customerId: globexId, currency: "KWD", status: "finalized", total: 1_234n, dueDate: "2026-12-31" });
  await invoice("formula", { customerId: formulaId, total: 100n, issueDate: "2025-12-31", dueDate: "2026-12-31" });
  await invoice("deleted", { customerId: acmeId, total: 123_450n, deletedAt: new Date() });

  // 60 more for paging and sorting: 3 issue dates and 4 totals, so ties cross page edges
  const [pagerCustomer] = await insertCustomers(db, [{ companyName: "Pager Co" }]);
  await db.insert(invoices).values(
    Array.from({ length: PAGER }, (_, i) => ({
      number: `PGR-${String(i).padStart(3, "0")}`,
      customerId: pagerCustomer!.id,
      status: "sent" as const,
      currency: "EUR",
      issueDate: `2025-11-0${1 + (i % 3)}`,
      dueDate: "2026-12-31",
      subtotal: BigInt(1000 * (i % 4)),
      total: BigInt(1000 * (i % 4)),
      amountDue: BigInt(1000 * (i % 4)),
    })),
  );
});

describe("listing", () => {
  it("shows the newest first with customer names and display statuses, never a deleted invoice", async () => {
    const page = await list({});
    expect(page.total).toBe(11 + PAGER);
    expect(page.pageSize).toBe(25);
    expect(page.pageCount).toBe(Math.ceil((11 + PAGER) / 25));
    expect(page.rows[0]).toMatchObject({ id: ids.usdDraft, number: null, customerName: "Acme Trading", status: "draft", displayStatus: "draft" });
    const dates = page.rows.map((row) => row.issueDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await keysOf({})).not.toContain("deleted");
    expect(await hasAnyInvoice(db)).toBe(true);
    expect(await invoiceCurrencies(db)).toEqual(["EUR", "JPY", "KWD", "USD"]);
  });

  it("derives overdue from the due date, the amount due and the open statuses", async () => {
    const page = await list({ customerId: acmeId });
    const status = Object.fromEntries(page.rows.map((row) => [row.id, row.displayStatus]));
    expect(status[ids.usdOverdue!]).toBe("overdue");
    expect(status[ids.usdPartialOverdue!]).toBe("overdue");
    expect(status[ids.usdDueToday!]).toBe("viewed");
    expect(status[ids.usdPaidLate!]).toBe("paid");
    expect(status[ids.usdVoid!]).toBe("void");
  });

  it("shows the last page when asked for a page past the end", async () => {
    const page = await list({ page: "999" });
    expect(page.page).toBe(page.pageCount);
    expect(page.rows.length).toBe((11 + PAGER) % 25);
  });
});

describe("filters", () => {
  it("filters by the statuses the badges show, several at once", async () => {
    expect(await keysOf({ status: "overdue" })).toEqual(["jpyOverdue", "usdOverdue", "usdPartialOverdue"]);
    expect(await keysOf({ status: "sent", customerId: acmeId })).toEqual(["usdSent"]);
    expect(await keysOf({ status: ["draft", "void"] })).toEqual(["usdDraft", "usdVoid"]);
    expect(await keysOf({ status: "paid,viewed" })).toEqual(["usdDueToday", "usdPaidLate"]);
    expect(await keysOf({ status: "partial" })).toEqual([]);
  });

  it("filters by issue and due date ranges (inclusive), currency and customer", async () => {
    expect(await keysOf({ issuedFrom: "2026-03-01", issuedTo: "2026-03-10" })).toEqual(["usdDraft", "usdSent"]);
    expect(await keysOf({ dueFrom: "2026-03-14", dueTo: TODAY })).toEqual(["usdDueToday", "usdPartialOverdue"]);
    expect(await keysOf({ currency: "jpy" })).toEqual(["jpyOverdue", "jpySent"]);
    expect(await keysOf({ customerId: globexId, currency: "KWD" })).toEqual(["kwd"]);
  });
});

describe("search", () => {
  it("finds by number prefix, case-insensitive, and not by the middle of a number", async () => {
    const [row] = await db.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, ids.jpySent!));
    const number = row!.number!;
    expect(await keysOf({ q: number.toLowerCase() })).toEqual(["jpySent"]);
    expect((await keysOf({ q: "inv-2026-" })).length).toBe(10);
    expect(await keysOf({ q: number.slice(4) })).toEqual([]);
  });

  it("finds by a part of the customer's name", async () => {
    expect(await keysOf({ q: "GLOBEX" })).toEqual(["jpyOverdue", "jpySent", "kwd"]);
    expect(await keysOf({ q: "trad" })).toHaveLength(7);
  });

  it("finds by the exact total in each invoice's own currency", async () => {
    // USD 1,234.50 (and the deleted twin stays hidden)
    expect(await keysOf({ q: "1,234.50" })).toEqual(["usdSent"]);
    expect(await keysOf({ q: "$1234.5" })).toEqual(["usdSent"]);
    // "1200" is 1,200.00 USD and ¥1,200; 12.00 USD is 1200 cents, which is not a match
    expect(await keysOf({ q: "1200" })).toEqual(["jpySent", "usdPaidLate"]);
    expect(await keysOf({ q: "12" })).toEqual(["usdDueToday"]);
    // yen have no decimals: "500.00" is USD only, "50000" is ¥50,000 only
    expect(await keysOf({ q: "500.00" })).toEqual(["usdOverdue"]);
    expect(await keysOf({ q: "50000" })).toEqual(["jpyOverdue"]);
    // three decimals: only a three-decimal currency can match
    expect(await keysOf({ q: "1.234" })).toEqual(["kwd"]);
  });
});

describe("sorting", () => {
  const SORTS = ["number", "customer", "issueDate", "dueDate", "total", "amountDue", "status"];

  it.each(SORTS.flatMap((sort) => [[sort, "asc"], [sort, "desc"]]))("pages through sort=%s dir=%s without repeats or gaps", async (sort, dir) => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) seen.push(...(await list({ sort, dir, page: String(page) })).rows.map((row) => row.id));
    expect(seen).toHaveLength(11 + PAGER);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("orders by the column asked for, ties by id, drafts without a number last", async () => {
    const byTotal = (await list({ sort: "total", dir: "asc", currency: "EUR", page: "2" })).rows;
    const keys = byTotal.map((row) => `${String(row.total).padStart(6, "0")}:${row.id}`);
    expect(keys).toEqual([...keys].sort());
    for (const dir of ["asc", "desc"]) {
      const pages = [1, 2, 3].map((page) => list({ sort: "number", dir, page: String(page) }));
      const rows = (await Promise.all(pages)).flatMap((page) => page.rows);
      expect(rows.at(-1)!.id).toBe(ids.usdDraft);
    }
    const byCustomer = (await list({ sort: "customer", dir: "desc" })).rows;
    expect(byCustomer[0]!.customerName).toBe("Pager Co");
  });
});

describe("totals per currency", () => {
  it("sums the whole filtered set, every page, one row per currency", async () => {
    const page = await list({});
    const eurTotal = BigInt(Array.from({ length: PAGER }, (_, i) => 1000 * (i % 4)).reduce((a, b) => a + b, 0));
    expect(page.totalsByCurrency).toEqual([
      { currency: "EUR", count: PAGER, total: eurTotal, amountDue: eurTotal },
      { currency: "JPY", count: 2, total: 51_200n, amountDue: 51_200n },
      { currency: "KWD", count: 1, total: 1_234n, amountDue: 1_234n },
      { currency: "USD", count: 8, total: 123_450n + 50_000n + 80_000n + 1_200n + 120_000n + 999n + 7_000n + 100n, amountDue: 123_450n + 50_000n + 50_000n + 1_200n + 999n + 7_000n + 100n },
    ]);
    const overdue = await list({ status: "overdue" });
    expect(overdue.totalsByCurrency).toEqual([
      { currency: "JPY", count: 1, total: 50_000n, amountDue: 50_000n },
      { currency: "USD", count: 2, total: 130_000n, amountDue: 100_000n },
    ]);
    expect((await list({ q: "no such invoice" })).totalsByCurrency).toEqual([]);
  });
});

describe("CSV export", () => {
  async function readCsv(params: InvoiceSearchParams, batchSize?: number) {
    const filters = parseInvoiceListParams(params);
    const where = await scopeWhere(db, { filters }, TODAY);
    const text = await new Response(invoicesCsvStream(db, filters, where, TODAY, batchSize)).text();
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return { header: parsed.meta.fields, rows: parsed.data };
  }

  it("writes every filtered row in the list's order, money as plain decimals with the currency", async () => {
    const { header, rows } = await readCsv({ customerId: globexId, sort: "total", dir: "asc" });
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows.map((row) => [row.currency, row.total, row.amount_due, row.status])).toEqual([
      // by minor units, as the list sorts: ¥1200 < 1.234 KWD (1234 fils)
      ["JPY", "1200", "1200", "sent"],
      ["KWD", "1.234", "1.234", "finalized"],
      ["JPY", "50000", "50000", "overdue"],
    ]);
    const { rows: usd } = await readCsv({ q: "1,234.50" });
    expect(usd).toEqual([
      expect.objectContaining({ customer: "Acme Trading", currency: "USD", subtotal: "1234.50", discount: "0.00", tax: "0.00", total: "1234.50", amount_paid: "0.00", amount_due: "1234.50", issue_date: "2026-03-01", due_date: "2026-03-31" }),
    ]);
  });

  it("reads in batches without losing or repeating rows, and defuses formulas", async () => {
    const { rows } = await readCsv({}, 7);
    expect(rows).toHaveLength(11 + PAGER);
    expect(new Set(rows.map((row) => `${row.number}|${row.customer_number}`)).size).toBe(rows.length);
    const formula = rows.find((row) => row.customer?.includes("HYPERLINK"));
    expect(formula!.customer).toBe(`'=HYPERLINK("http://evil.test")`);
  });

  it("exports only the ticked rows when given ids, and audits the export", async () => {
    const started = await startInvoiceExport(db, { filters: parseInvoiceListParams({}), ids: [ids.usdSent!, ids.kwd!, ids.deleted!] }, TODAY, actor, new Date("2026-03-15T10:00:00Z"));
    expect(started.filename).toBe("invoices-2026-03-15.csv");
    expect(started.rowCount).toBe(2);
    const parsed = Papa.parse<Record<string, string>>(await new Response(started.stream).text(), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((row) => row.currency).sort()).toEqual(["KWD", "USD"]);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "invoice.exported"), eq(auditLog.actorId, actor.userId!)));
    expect(audit?.after).toMatchObject({ rowCount: 2 });
  });
});

import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, invoices, type InvoiceStatus } from "@/db/schema";
import { pageOf } from "@/lib/list-queries";
import { sumMinor } from "@/lib/payments/sql";
import { INVOICES_PAGE_SIZE, type InvoiceListFilters, type InvoiceListStatus, type InvoiceSort } from "./list-params";
import { customersNamed, searchCondition } from "./list-search";
import { displayStatus, OPEN_STATUSES, type DisplayStatus } from "./status";

/** What the table shows, and nothing more. */
export interface InvoiceListRow {
  id: string;
  number: string | null;
  customerId: string;
  customerName: string;
  status: InvoiceStatus;
  displayStatus: DisplayStatus;
  issueDate: string;
  dueDate: string;
  currency: string;
  total: bigint;
  amountDue: bigint;
}

/** Sums of the whole filtered set (every page), one row per currency: money never adds across currencies. */
export interface CurrencyTotals {
  currency: string;
  count: number;
  total: bigint;
  amountDue: bigint;
}

export interface InvoiceListPage {
  rows: InvoiceListRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  totalsByCurrency: CurrencyTotals[];
}

const openStatuses = [...OPEN_STATUSES];

/** An open invoice past its due date with something still to pay (lib/invoices/status.ts, in SQL). */
function overdue(today: string): SQL {
  return and(inArray(invoices.status, openStatuses), lt(invoices.dueDate, today), sql`${invoices.amountDue} > 0`)!;
}

/**
 * The statuses as the badges show them: "overdue" is derived, so an open status on its own means
 * "and not overdue" — filtering by "Sent" lists exactly the rows whose badge says Sent.
 */
function statusCondition(selected: readonly InvoiceListStatus[], today: string): SQL | undefined {
  if (selected.length === 0) return undefined;
  const tests: SQL[] = [];
  const stored = selected.filter((status): status is Exclude<InvoiceListStatus, "overdue"> => status !== "overdue");
  const closed = stored.filter((status) => !(OPEN_STATUSES as readonly string[]).includes(status));
  const open = stored.filter((status) => (OPEN_STATUSES as readonly string[]).includes(status));
  if (closed.length) tests.push(inArray(invoices.status, closed));
  if (open.length) tests.push(and(inArray(invoices.status, open), or(gte(invoices.dueDate, today), eq(invoices.amountDue, 0n)))!);
  if (selected.includes("overdue")) tests.push(overdue(today));
  return or(...tests);
}

/**
 * Every condition of the list except paging; deleted invoices never. Async because a search first
 * looks up the customers it names (see customersNamed).
 */
export async function invoiceListWhere(db: Db, filters: InvoiceListFilters, today: string): Promise<SQL | undefined> {
  const conditions: (SQL | undefined)[] = [isNull(invoices.deletedAt)];
  if (filters.q) conditions.push(searchCondition(filters.q, await customersNamed(db, filters.q)));
  conditions.push(statusCondition(filters.status, today));
  if (filters.issuedFrom) conditions.push(gte(invoices.issueDate, filters.issuedFrom));
  if (filters.issuedTo) conditions.push(lte(invoices.issueDate, filters.issuedTo));
  if (filters.dueFrom) conditions.push(gte(invoices.dueDate, filters.dueFrom));
  if (filters.dueTo) conditions.push(lte(invoices.dueDate, filters.dueTo));
  if (filters.customerId) conditions.push(eq(invoices.customerId, filters.customerId));
  if (filters.currency) conditions.push(eq(invoices.currency, filters.currency));
  return and(...conditions);
}

const SORT_COLUMNS: Record<InvoiceSort, SQL> = {
  // drafts have no number: last either way, rather than first when newest-first
  number: sql`${invoices.number}`,
  customer: sql`${customers.displayName}`,
  issueDate: sql`${invoices.issueDate}`,
  dueDate: sql`${invoices.dueDate}`,
  total: sql`${invoices.total}`,
  amountDue: sql`${invoices.amountDue}`,
  status: sql`${invoices.status}`,
};

/**
 * The sort, then the id in the same direction, so equal dates or amounts never swap places between
 * pages; (issue_date, id) desc is exactly invoices_issue_date_idx read backwards.
 */
export function invoiceListOrder(sort: InvoiceSort, dir: "asc" | "desc"): SQL[] {
  const by = dir === "asc" ? asc : desc;
  const column = sort === "number" ? sql`${SORT_COLUMNS.number} ${sql.raw(dir)} nulls last` : by(SORT_COLUMNS[sort]);
  return [column, by(invoices.id)];
}

export const invoiceListColumns = {
  id: invoices.id,
  number: invoices.number,
  customerId: invoices.customerId,
  customerName: customers.displayName,
  status: invoices.status,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  total: invoices.total,
  amountDue: invoices.amountDue,
};

async function pageRows(db: Db, filters: InvoiceListFilters, where: SQL | undefined, page: number, today: string): Promise<InvoiceListRow[]> {
  const rows = await db
    .select(invoiceListColumns)
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(where)
    .orderBy(...invoiceListOrder(filters.sort, filters.dir))
    .limit(INVOICES_PAGE_SIZE)
    .offset((page - 1) * INVOICES_PAGE_SIZE);
  return rows.map((row) => ({ ...row, displayStatus: displayStatus(row, today) }));
}

/** Count and sums per currency of everything the filters match. */
export function totalsByCurrency(db: Db, where: SQL | undefined): Promise<CurrencyTotals[]> {
  return db
    .select({ currency: invoices.currency, count: count(), total: sumMinor(invoices.total), amountDue: sumMinor(invoices.amountDue) })
    .from(invoices)
    .where(where)
    .groupBy(invoices.currency)
    .orderBy(asc(invoices.currency));
}

/**
 * One page of the invoice list plus the totals of the whole filtered set. `today` (yyyy-mm-dd, the
 * company's calendar) decides what is overdue. The totals query also gives the count, and runs
 * beside the page query; a bookmarked page past the end shows the last page instead of nothing.
 */
export async function listInvoices(db: Db, filters: InvoiceListFilters, today: string): Promise<InvoiceListPage> {
  const where = await invoiceListWhere(db, filters, today);
  const totals = totalsByCurrency(db, where);
  const counted = totals.then((rows) => [{ n: rows.reduce((sum, row) => sum + row.count, 0) }]);
  const [info, firstRows] = await Promise.all([pageOf(counted, filters.page, INVOICES_PAGE_SIZE), pageRows(db, filters, where, filters.page, today)]);
  const rows = info.page === filters.page ? firstRows : await pageRows(db, filters, where, info.page, today);
  return { rows, total: info.total, page: info.page, pageCount: info.pageCount, pageSize: INVOICES_PAGE_SIZE, totalsByCurrency: await totals };
}

/** Whether any invoice exists at all (the "create your first invoice" empty state). */
export async function hasAnyInvoice(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: invoices.id }).from(invoices).where(isNull(invoices.deletedAt)).limit(1);
  return Boolean(row);
}

/**
 * Currencies that invoices use, for the list's filter. A "skip scan" down invoices_currency_idx:
 * one index probe per distinct currency instead of reading 100,000 rows to find a handful.
 */
export async function invoiceCurrencies(db: Db): Promise<string[]> {
  const live = sql`${invoices.deletedAt} is null`;
  const rows = await db.select({ currency: sql<string>`found.currency` }).from(sql`(
    with recursive found(currency) as (
      (select ${invoices.currency} from ${invoices} where ${live} order by ${invoices.currency} limit 1)
      union all
      select (select ${invoices.currency} from ${invoices} where ${live} and ${invoices.currency} > found.currency order by ${invoices.currency} limit 1)
      from found where found.currency is not null
    ) select currency from found where currency is not null
  ) as found`);
  return rows.map((row) => row.currency);
}

/** The name of the customer a list is filtered to (for its filter chip), or null when unknown. */
export async function customerNameFor(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ name: customers.displayName }).from(customers).where(eq(customers.id, id));
  return row?.name ?? null;
}

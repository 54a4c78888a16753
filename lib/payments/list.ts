import { and, asc, count, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, payments, type Gateway, type PaymentMethodName, type PaymentStatus } from "@/db/schema";
import { customersNamed } from "@/lib/invoices/list-search";
import { likeContains, likePrefix, pageOf } from "@/lib/list-queries";
import { currencyExponent, parseMoney } from "@/lib/money";
import { PAYMENTS_PAGE_SIZE, type PaymentListFilters, type PaymentSort } from "./list-params";
import { sumMinor } from "./sql";

/** What the table shows, and nothing more. */
export interface PaymentListRow {
  id: string;
  number: string;
  receiptNumber: string | null;
  customerId: string;
  customerName: string;
  status: PaymentStatus;
  method: PaymentMethodName;
  gateway: Gateway | null;
  reference: string | null;
  receivedOn: string;
  currency: string;
  amount: bigint;
}

/** The whole filtered set per currency (money never adds across currencies): how many, and how much succeeded. */
export interface PaymentCurrencyTotals {
  currency: string;
  count: number;
  /** only succeeded payments: pending, failed or voided money was never received */
  received: bigint;
}

export interface PaymentListPage {
  rows: PaymentListRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  totalsByCurrency: PaymentCurrencyTotals[];
}

let exponentGroups: Map<number, string[]> | undefined;

/** Currencies by decimal places except 2 (the default): JPY 0, KWD 3, … from the same ICU data as lib/money. */
function nonDecimalGroups(): Map<number, string[]> {
  if (!exponentGroups) {
    exponentGroups = new Map();
    for (const currency of Intl.supportedValuesOf("currency")) {
      const exponent = currencyExponent(currency);
      if (exponent !== 2) exponentGroups.set(exponent, [...(exponentGroups.get(exponent) ?? []), currency]);
    }
  }
  return exponentGroups;
}

/**
 * "amount >= 12.50" in each payment's own currency: 1250 cents, ¥13 is not asked for ("12.50" has
 * more decimals than yen, so no yen payment matches rather than a silently rounded bound).
 */
export function amountBound(text: string, op: ">=" | "<="): SQL | undefined {
  const compare = (minor: bigint | undefined) => (minor === undefined ? sql`false` : sql`${payments.amount} ${sql.raw(op)} ${minor}`);
  const minorIn = (currency: string) => {
    const parsed = parseMoney(text, currency);
    return parsed.ok && parsed.minor >= 0n ? parsed.minor : undefined;
  };
  const decimal = minorIn("USD");
  const branches = [...nonDecimalGroups().values()].map(
    (currencies) => sql`when ${payments.currency} in (${sql.join(currencies.map((c) => sql`${c}`), sql`, `)}) then ${compare(minorIn(currencies[0]!))}`,
  );
  return sql`(case ${sql.join(branches, sql` `)} else ${compare(decimal)} end)`;
}

/** Number or receipt prefix, reference, gateway id, or a customer's name. */
function searchCondition(q: string, customerIds: readonly string[]): SQL {
  const lower = q.toLowerCase();
  const tests: SQL[] = [
    sql`lower(${payments.number}) like ${likePrefix(lower)}`,
    sql`lower(${payments.receiptNumber}) like ${likePrefix(lower)}`,
    sql`lower(${payments.reference}) like ${likeContains(lower)}`,
    // gateway ids are pasted whole from a dashboard or an email: exact, served by their unique indexes
    eq(payments.gatewayCheckoutId, q),
    eq(payments.gatewayPaymentId, q),
  ];
  if (customerIds.length) tests.push(inArray(payments.customerId, [...customerIds]));
  return sql`(${sql.join(tests, sql` or `)})`;
}

/** Every condition of the list except paging. Async because a search first looks up the customers it names. */
export async function paymentListWhere(db: Db, filters: PaymentListFilters): Promise<SQL | undefined> {
  const conditions: (SQL | undefined)[] = [];
  if (filters.q) conditions.push(searchCondition(filters.q, await customersNamed(db, filters.q)));
  if (filters.status.length) conditions.push(inArray(payments.status, [...filters.status]));
  if (filters.gateway) conditions.push(eq(payments.gateway, filters.gateway));
  if (filters.method) conditions.push(eq(payments.method, filters.method));
  if (filters.customerId) conditions.push(eq(payments.customerId, filters.customerId));
  if (filters.from) conditions.push(gte(payments.receivedOn, filters.from));
  if (filters.to) conditions.push(lte(payments.receivedOn, filters.to));
  if (filters.min) conditions.push(amountBound(filters.min, ">="));
  if (filters.max) conditions.push(amountBound(filters.max, "<="));
  return and(...conditions);
}

const SORT_COLUMNS: Record<PaymentSort, SQL> = {
  receivedOn: sql`${payments.receivedOn}`,
  number: sql`${payments.number}`,
  customer: sql`${customers.displayName}`,
  amount: sql`${payments.amount}`,
  status: sql`${payments.status}`,
};

/** The sort, then the id the same way, so equal values never swap places between pages. */
function listOrder(sort: PaymentSort, dir: "asc" | "desc"): SQL[] {
  const by = dir === "asc" ? asc : desc;
  return [by(SORT_COLUMNS[sort]), by(payments.id)];
}

const listColumns = {
  id: payments.id,
  number: payments.number,
  receiptNumber: payments.receiptNumber,
  customerId: payments.customerId,
  customerName: customers.displayName,
  status: payments.status,
  method: payments.method,
  gateway: payments.gateway,
  reference: payments.reference,
  receivedOn: payments.receivedOn,
  currency: payments.currency,
  amount: payments.amount,
};

function pageRows(db: Db, filters: PaymentListFilters, where: SQL | undefined, page: number): Promise<PaymentListRow[]> {
  return db
    .select(listColumns)
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(where)
    .orderBy(...listOrder(filters.sort, filters.dir))
    .limit(PAYMENTS_PAGE_SIZE)
    .offset((page - 1) * PAYMENTS_PAGE_SIZE);
}

function totalsByCurrency(db: Db, where: SQL | undefined): Promise<PaymentCurrencyTotals[]> {
  return db
    .select({ currency: payments.currency, count: count(), received: sumMinor(payments.amount, eq(payments.status, "succeeded")) })
    .from(payments)
    .where(where)
    .groupBy(payments.currency)
    .orderBy(asc(payments.currency));
}

/**
 * One page of the payment list plus the totals of the whole filtered set (the totals query also
 * gives the count). A bookmarked page past the end shows the last page instead of nothing.
 */
export async function listPayments(db: Db, filters: PaymentListFilters): Promise<PaymentListPage> {
  const where = await paymentListWhere(db, filters);
  const totals = totalsByCurrency(db, where);
  const counted = totals.then((rows) => [{ n: rows.reduce((sum, row) => sum + row.count, 0) }]);
  const [info, firstRows] = await Promise.all([pageOf(counted, filters.page, PAYMENTS_PAGE_SIZE), pageRows(db, filters, where, filters.page)]);
  const rows = info.page === filters.page ? firstRows : await pageRows(db, filters, where, info.page);
  return { rows, total: info.total, page: info.page, pageCount: info.pageCount, pageSize: PAYMENTS_PAGE_SIZE, totalsByCurrency: await totals };
}

/** Whether any payment exists at all (the "no payments yet" empty state). */
export async function hasAnyPayment(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: payments.id }).from(payments).limit(1);
  return Boolean(row);
}

/** A customer's "I have paid" submissions waiting for staff: pending, from the customer, no gateway. */
export const awaitingApproval: SQL = and(eq(payments.status, "pending"), eq(payments.origin, "customer"), isNull(payments.gateway))!;

/** How many manual submissions wait in the approvals queue (the badge on the list). */
export async function pendingApprovalCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(payments).where(awaitingApproval);
  return row?.n ?? 0;
}

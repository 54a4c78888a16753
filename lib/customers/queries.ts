import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { likeContains } from "@/lib/list-queries";
import { customers, type CustomerStatus } from "@/db/schema";
import type { CustomerListFilters, ListSort, SortDir } from "./list-params";

/**
 * The search box: name, email, phone (as typed or by its digits), number, tax id. Written as
 * lower(column) LIKE lower(pattern) rather than ILIKE: the same matches, but PostgreSQL's ILIKE on
 * UTF-8 text is about 2.5x slower, which is what a search over 100,000 rows (a sequential scan
 * without a trigram index) spends its time on.
 */
function searchCondition(q: string): SQL | undefined {
  const pattern = sql`lower(${likeContains(q)})`;
  const tests: SQL[] = [
    sql`lower(${customers.displayName}) like ${pattern}`,
    sql`lower(${customers.email}) like ${pattern}`,
    sql`${customers.phone} like ${pattern}`,
    sql`lower(${customers.number}) like ${pattern}`,
    sql`lower(${customers.taxId}) like ${pattern}`,
  ];
  // phones are stored as E.164: "0712 345 678" or "(415) 555-0100" still finds them by their digits
  // (a national leading 0 is not part of the E.164 form)
  const digits = q.replace(/\D/g, "").replace(/^0+/, "");
  if (digits.length >= 4) tests.push(sql`${customers.phone} like ${`%${digits}%`}`);
  return or(...tests);
}

/** Every condition of the list except paging: deleted never, archived only when asked for. */
export function listWhere(filters: CustomerListFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [isNull(customers.deletedAt)];
  if (filters.status.length) conditions.push(inArray(customers.status, filters.status));
  else if (!filters.includeArchived) conditions.push(ne(customers.status, "archived"));
  if (filters.q) conditions.push(searchCondition(filters.q));
  if (filters.tag) conditions.push(sql`${customers.tags} @> array[${filters.tag}]::text[]`);
  if (filters.country) conditions.push(eq(customers.billingCountry, filters.country));
  if (filters.currency) conditions.push(eq(customers.currency, filters.currency));
  return and(...conditions);
}

export const SORT_COLUMNS = {
  name: customers.displayName,
  number: customers.number,
  created: customers.createdAt,
} as const satisfies Record<ListSort, unknown>;

/** The sort, then the id, so equal names never swap places between pages. */
export function listOrder(sort: ListSort, dir: SortDir): SQL[] {
  const by = dir === "asc" ? asc : desc;
  return [by(SORT_COLUMNS[sort]), by(customers.id)];
}

/** What the table shows, and nothing more. */
export interface CustomerListRow {
  id: string;
  number: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  billingCountry: string | null;
  currency: string;
  status: CustomerStatus;
  tags: string[];
  createdAt: Date;
}

export interface CustomerListPage {
  rows: CustomerListRow[];
  total: number;
  page: number;
  pageCount: number;
}

export async function listCustomers(db: Db, filters: CustomerListFilters): Promise<CustomerListPage> {
  const where = listWhere(filters);
  // the count and the page run side by side (on PostgreSQL they take two pool connections)
  const [[totalRow], rows] = await Promise.all([
    db.select({ n: count() }).from(customers).where(where),
    pageRows(db, filters, where, filters.page),
  ]);
  const total = totalRow?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / filters.pageSize));
  // a bookmarked page 40 of a list that has shrunk shows its last page instead of nothing
  if (filters.page > pageCount) return { rows: await pageRows(db, filters, where, pageCount), total, page: pageCount, pageCount };
  return { rows, total, page: filters.page, pageCount };
}

function pageRows(db: Db, filters: CustomerListFilters, where: SQL | undefined, page: number): Promise<CustomerListRow[]> {
  return db
    .select({
      id: customers.id,
      number: customers.number,
      displayName: customers.displayName,
      email: customers.email,
      phone: customers.phone,
      billingCountry: customers.billingCountry,
      currency: customers.currency,
      status: customers.status,
      tags: customers.tags,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .where(where)
    .orderBy(...listOrder(filters.sort, filters.dir))
    .limit(filters.pageSize)
    .offset((page - 1) * filters.pageSize);
}

export interface CustomerListStats {
  total: number;
  active: number;
  suspended: number;
  archived: number;
}

/** Counts over the whole book (not deleted), for the cards above the list. */
export async function customerListStats(db: Db): Promise<CustomerListStats> {
  const [row] = await db
    .select({
      total: count(),
      active: sql<number>`count(*) filter (where ${customers.status} = 'active')`.mapWith(Number),
      suspended: sql<number>`count(*) filter (where ${customers.status} = 'suspended')`.mapWith(Number),
      archived: sql<number>`count(*) filter (where ${customers.status} = 'archived')`.mapWith(Number),
    })
    .from(customers)
    .where(isNull(customers.deletedAt));
  return row ?? { total: 0, active: 0, suspended: 0, archived: 0 };
}

export interface CustomerFilterOptions {
  tags: string[];
  countries: string[];
  currencies: string[];
}

/** Values that exist in the book, for the filter selects (tags: the 50 most used). */
export async function customerFilterOptions(db: Db): Promise<CustomerFilterOptions> {
  const live = isNull(customers.deletedAt);
  const [countries, currencies, tags] = await Promise.all([
    db
      .selectDistinct({ value: customers.billingCountry })
      .from(customers)
      .where(and(live, sql`${customers.billingCountry} is not null`))
      .orderBy(asc(customers.billingCountry)),
    db.selectDistinct({ value: customers.currency }).from(customers).where(live).orderBy(asc(customers.currency)),
    db
      .select({ value: sql<string>`tag` })
      .from(sql`${customers}, unnest(${customers.tags}) as tag`)
      .where(live)
      .groupBy(sql`tag`)
      .orderBy(sql`count(*) desc`, sql`tag`)
      .limit(50),
  ]);
  return {
    countries: countries.flatMap((row) => (row.value ? [row.value] : [])),
    currencies: currencies.map((row) => row.value),
    tags: tags.map((row) => row.value).sort(),
  };
}

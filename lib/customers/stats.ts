import { and, count, desc, gte, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers } from "@/db/schema";
import { customerListStats, type CustomerListStats } from "./queries";

// Figures for /customers/stats, from the customers table alone. Money figures (outstanding,
// overdue, billed) need invoices and are left to that feature rather than invented here.

export interface MonthCount {
  /** "2025-03" (UTC) */
  month: string;
  count: number;
}

export interface NamedCount {
  name: string;
  count: number;
}

export interface CustomerStats {
  byStatus: CustomerListStats;
  newPerMonth: MonthCount[];
  topTags: NamedCount[];
  byCountry: NamedCount[];
}

const monthKey = (date: Date) => date.toISOString().slice(0, 7);

/** The `months` calendar months (UTC) ending with the one `now` is in, oldest first. */
export function lastMonths(now: Date, months = 12): string[] {
  return Array.from({ length: months }, (_, i) => monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1 - i), 1))));
}

/** New customers per month over the last `months` months, with the empty months as zero. */
export async function newCustomersPerMonth(db: Db, now = new Date(), months = 12): Promise<MonthCount[]> {
  const keys = lastMonths(now, months);
  const since = new Date(`${keys[0]}-01T00:00:00Z`);
  const month = sql<string>`to_char(date_trunc('month', ${customers.createdAt} at time zone 'UTC'), 'YYYY-MM')`;
  const rows = await db
    .select({ month, n: count() })
    .from(customers)
    .where(and(isNull(customers.deletedAt), gte(customers.createdAt, since)))
    .groupBy(month);
  const byMonth = new Map(rows.map((row) => [row.month, row.n]));
  return keys.map((key) => ({ month: key, count: byMonth.get(key) ?? 0 }));
}

export async function topTags(db: Db, limit = 10): Promise<NamedCount[]> {
  return db
    .select({ name: sql<string>`tag`, count: count() })
    .from(sql`${customers}, unnest(${customers.tags}) as tag`)
    .where(isNull(customers.deletedAt))
    .groupBy(sql`tag`)
    .orderBy(desc(count()), sql`tag`)
    .limit(limit);
}

/** Customers per billing country, most first; those without one count as "—". */
export async function customersByCountry(db: Db, limit = 15): Promise<NamedCount[]> {
  const country = sql<string>`coalesce(${customers.billingCountry}, '—')`;
  return db
    .select({ name: country, count: count() })
    .from(customers)
    .where(isNull(customers.deletedAt))
    .groupBy(country)
    .orderBy(desc(count()), country)
    .limit(limit);
}

export async function customerStats(db: Db, now = new Date()): Promise<CustomerStats> {
  const [byStatus, newPerMonth, tags, byCountry] = await Promise.all([
    customerListStats(db),
    newCustomersPerMonth(db, now),
    topTags(db),
    customersByCountry(db),
  ]);
  return { byStatus, newPerMonth, topTags: tags, byCountry };
}

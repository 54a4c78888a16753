import { and, asc, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { customers } from "@/db/schema";
import { likeContains, likePrefix } from "@/lib/list-queries";

/** A customer as the reports' customer filter lists it. */
export interface ReportCustomerOption {
  id: string;
  number: string;
  displayName: string;
}

export const REPORT_CUSTOMER_LIMIT = 10;

/**
 * The reports' customer search by name, number or email. Archived customers are included: their
 * history (a statement, last year's revenue) is still reported on. Prefix matches first.
 */
export async function searchReportCustomers(db: Db, q: string): Promise<ReportCustomerOption[]> {
  const text = q.trim().slice(0, 200).toLowerCase();
  const conditions: (SQL | undefined)[] = [isNull(customers.deletedAt)];
  const order: SQL[] = [];
  if (text) {
    const prefix = likePrefix(text);
    const startsWith = sql`(lower(${customers.displayName}) like ${prefix} or lower(${customers.number}) like ${prefix})`;
    const contains = likeContains(text);
    conditions.push(or(startsWith, sql`lower(${customers.displayName}) like ${contains}`, sql`lower(${customers.email}) like ${contains}`));
    order.push(sql`case when ${startsWith} then 0 else 1 end`);
  }
  return db
    .select({ id: customers.id, number: customers.number, displayName: customers.displayName })
    .from(customers)
    .where(and(...conditions))
    .orderBy(...order, asc(customers.displayName), asc(customers.id))
    .limit(REPORT_CUSTOMER_LIMIT);
}

import { and, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { customers, users, type Customer } from "@/db/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route ids come from the URL: anything but a uuid is "not found", never a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export type CustomerDetail = Customer & { createdByName: string | null };

const creator = alias(users, "creator");

/** One live customer for the detail and edit pages; null when unknown, malformed or deleted. */
export async function getCustomerDetail(db: Db, id: string): Promise<CustomerDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ customer: customers, createdByName: creator.name })
    .from(customers)
    .leftJoin(creator, eq(creator.id, customers.createdBy))
    .where(and(eq(customers.id, id), isNull(customers.deletedAt)))
    .limit(1);
  if (!row) return null;
  return { ...row.customer, createdByName: row.createdByName };
}

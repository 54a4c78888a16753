import { and, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { customers } from "@/db/schema";

export interface DuplicateMatch {
  id: string;
  number: string;
  displayName: string;
  email: string | null;
  reason: "email" | "tax_id" | "name_and_phone";
}

interface Candidate {
  email: string | null;
  taxId: string | null;
  phone: string | null;
  companyName: string | null;
  firstName: string | null;
  lastName: string | null;
}

/** The name as lists show it, normalised for comparison (case and spacing do not matter). */
export function normalisedName(candidate: Pick<Candidate, "companyName" | "firstName" | "lastName">): string {
  const name = candidate.companyName?.trim() || [candidate.firstName, candidate.lastName].filter(Boolean).join(" ");
  return name.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Customers (not deleted) that look like the same party: same email, same tax id, or same name and phone. */
export async function findDuplicateCustomers(db: Db, candidate: Candidate, excludeId?: string): Promise<DuplicateMatch[]> {
  const tests: SQL[] = [];
  if (candidate.email) tests.push(sql`lower(${customers.email}) = ${candidate.email.toLowerCase()}`);
  if (candidate.taxId) tests.push(sql`upper(${customers.taxId}) = ${candidate.taxId.toUpperCase()}`);
  const name = normalisedName(candidate);
  if (candidate.phone && name) {
    tests.push(sql`(${customers.phone} = ${candidate.phone} and lower(regexp_replace(btrim(${customers.displayName}), '\\s+', ' ', 'g')) = ${name})`);
  }
  if (tests.length === 0) return [];
  const rows = await db
    .select({ id: customers.id, number: customers.number, displayName: customers.displayName, email: customers.email, taxId: customers.taxId, phone: customers.phone })
    .from(customers)
    .where(and(isNull(customers.deletedAt), or(...tests), excludeId ? ne(customers.id, excludeId) : undefined))
    .limit(5);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    displayName: row.displayName,
    email: row.email,
    reason:
      candidate.email && row.email?.toLowerCase() === candidate.email.toLowerCase()
        ? "email"
        : candidate.taxId && row.taxId?.toUpperCase() === candidate.taxId.toUpperCase()
          ? "tax_id"
          : "name_and_phone",
  }));
}

import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, invoices } from "@/db/schema";
import { likeContains, likePrefix } from "@/lib/list-queries";
import { currencyExponent, parseMoney } from "@/lib/money";

// The invoice list's search box: a number prefix, a customer's name, or an amount.

let exponentGroups: Map<number, string[]> | undefined;

/**
 * Currencies by decimal places, except 2 (the default for every code not listed): JPY 0, KWD 3, …
 * From the same ICU data as currencyExponent, so the search agrees with how amounts are typed.
 */
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

// "$1,234.50", "1234.5", "¥1200": an amount, not a number prefix like "INV-2026" or "0012-A"
const AMOUNT = /^\p{Sc}?\s*(\d[\d,\s_]*(?:\.\d*)?)$/u;

/** The amount in minor units of `currency`, or undefined when it has more decimals than that currency. */
function minorIn(text: string, currency: string): bigint | undefined {
  const parsed = parseMoney(text, currency);
  return parsed.ok ? parsed.minor : undefined;
}

/**
 * When `q` reads as an amount: invoices whose total is exactly that amount in their own currency
 * ("1200" is 1200.00 USD, ¥1,200 and 1.200 KWD alike; "12.50" never matches a yen invoice).
 * The `total in (…)` part lets PostgreSQL use the total index; the CASE checks the currency.
 */
export function amountCondition(q: string): SQL | undefined {
  const match = AMOUNT.exec(q.trim());
  if (!match?.[1]) return undefined;
  const text = match[1];
  const branches: SQL[] = [];
  const candidates: bigint[] = [];
  for (const currencies of nonDecimalGroups().values()) {
    const minor = minorIn(text, currencies[0]!);
    if (minor !== undefined) candidates.push(minor);
    branches.push(sql`when ${invoices.currency} in (${sql.join(currencies.map((c) => sql`${c}`), sql`, `)}) then ${minor === undefined ? sql`false` : sql`${invoices.total} = ${minor}`}`);
  }
  const decimal = minorIn(text, "USD");
  if (decimal !== undefined) candidates.push(decimal);
  if (candidates.length === 0) return undefined;
  const otherwise = decimal === undefined ? sql`false` : sql`${invoices.total} = ${decimal}`;
  return and(inArray(invoices.total, [...new Set(candidates)]), sql`(case ${sql.join(branches, sql` `)} else ${otherwise} end)`);
}

/**
 * Ids of the customers whose display name contains `q` (the book is small next to its invoices);
 * looked up first so the invoice query can use its customer index instead of a join.
 */
export async function customersNamed(db: Db, q: string): Promise<string[]> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    // deleted customers too: their invoices stay listed under their name
    .where(sql`lower(${customers.displayName}) like lower(${likeContains(q)})`);
  return rows.map((row) => row.id);
}

/** Number prefix (case-insensitive, served by invoices_number_prefix_idx), customer, or amount. */
export function searchCondition(q: string, customerIds: readonly string[]): SQL {
  const tests: SQL[] = [sql`lower(${invoices.number}) like ${likePrefix(q.toLowerCase())}`];
  if (customerIds.length) tests.push(inArray(invoices.customerId, [...customerIds]));
  const amount = amountCondition(q);
  if (amount) tests.push(amount);
  return sql`(${sql.join(tests, sql` or `)})`;
}

// The reference rows a large book points at (tax rates, products, customers) and what a previous
// run already made, so seedLargeInvoices can top an existing book up instead of doubling it.
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { rawRows } from "@/db/raw-rows";
import { customers, products, taxRates } from "@/db/schema";
import { nextCustomerNumbers } from "@/lib/customers/numbers";

const WORDS = ["Acme", "Baobab", "Cedar", "Delta", "Equator", "Falcon", "Granite", "Harbor", "Indigo", "Jade", "Kilima", "Lakeside", "Meridian", "Nile", "Orchid", "Pioneer", "Quartz", "Savanna", "Tusker", "Umoja"];
const KINDS = ["Trading", "Logistics", "Foods", "Holdings", "Traders", "Supplies", "Ventures", "Motors", "Pharma", "Textiles"];
/** Line descriptions, one product each (revenue by product needs product_id on lines). */
export const ITEMS = ["Consulting hours", "Hosting (monthly)", "Support plan", "Hardware", "Training session", "Delivery"];

export const textArray = (items: readonly string[]) => sql`array[${sql.join(items.map((item) => sql`${item}`), sql`, `)}]::text[]`;
export const uuidArray = (ids: readonly string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;

/**
 * An id whose first 48 bits count up with `n` (laid out like UUIDv7, the rest random): rows made
 * in `n` order append to the primary key and the indexes on these ids instead of splitting pages
 * all over multi-million-row indexes, which is most of the seed's time at 1,000,000 invoices.
 */
export function orderedUuid(n: SQL): SQL {
  return sql`overlay(gen_random_uuid()::text placing (select substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' from lpad(to_hex(1600000000000 + (${n})::bigint), 12, '0') h) from 1 for 15)::uuid`;
}

export interface LargeRefs {
  /** VAT 16% (every currency but USD) and US sales tax 8.875% (USD), so the tax report has two rates */
  vatId: string;
  salesTaxId: string;
  /** one product per ITEMS entry, same order */
  productIds: string[];
}

/** A non-compound tax rate with this percent, made when missing. */
async function taxRate(tx: Db, percent: string, name: string): Promise<string> {
  const [found] = await tx.select({ id: taxRates.id }).from(taxRates).where(and(eq(taxRates.percent, percent), eq(taxRates.compound, false)));
  if (found) return found.id;
  const [created] = await tx.insert(taxRates).values({ name, percent }).returning({ id: taxRates.id });
  return created!.id;
}

/** The six catalogue products of the large book (SKU LARGE-1 … LARGE-6), made when missing. */
async function catalogue(tx: Db): Promise<string[]> {
  const skus = ITEMS.map((_, i) => `LARGE-${i + 1}`);
  const live = and(inArray(products.sku, skus), isNull(products.deletedAt));
  const found = await tx.select({ id: products.id, sku: products.sku }).from(products).where(live);
  const missing = skus.filter((sku) => !found.some((row) => row.sku === sku));
  if (missing.length > 0) {
    await tx.insert(products).values(missing.map((sku) => ({ sku, name: ITEMS[skus.indexOf(sku)]!, unit: "unit", unitPrice: 10_000n, currency: "USD" })));
  }
  const rows = await tx.select({ id: products.id, sku: products.sku }).from(products).where(live);
  return skus.map((sku) => rows.find((row) => row.sku === sku)!.id);
}

export async function largeRefs(tx: Db): Promise<LargeRefs> {
  return { vatId: await taxRate(tx, "16.000", "VAT 16%"), salesTaxId: await taxRate(tx, "8.875", "Sales tax 8.875%"), productIds: await catalogue(tx) };
}

/** Large-book customers carry metadata {"seed":"large"}; their invoices are the large book. */
const LARGE_CUSTOMER = sql`metadata @> '{"seed":"large"}'::jsonb`;

export interface ExistingBook {
  customers: number;
  invoices: number;
}

export async function existingBook(tx: Db): Promise<ExistingBook> {
  const [row] = rawRows<ExistingBook>(
    await tx.execute(sql`
      with c as (select id from customers where ${LARGE_CUSTOMER})
      select (select count(*) from c)::int as customers,
        (select count(*) from invoices where customer_id in (select id from c))::int as invoices`),
  );
  return row ?? { customers: 0, invoices: 0 };
}

/**
 * Adds customers until the book has `target` (currency mix USD 45%, EUR 20%, KES 15%, GBP 10%,
 * JPY 5%, KWD 5%; terms 0–60 days), numbered after those already there.
 */
export async function topUpCustomers(tx: Db, have: number, target: number): Promise<void> {
  if (have >= target) return;
  const numbers = await nextCustomerNumbers(tx, target - have);
  await tx.execute(sql`
    insert into ${customers} (number, company_name, email, currency, payment_terms, billing_country, metadata)
    select n.number,
      (${textArray(WORDS)})[1 + i % 20] || ' ' || (${textArray(KINDS)})[1 + (i / 20) % 10] || ' ' || i,
      'billing-' || i || '@large.example.test',
      (array['USD','USD','USD','USD','USD','USD','USD','USD','USD','EUR','EUR','EUR','EUR','KES','KES','KES','GBP','GBP','JPY','KWD'])[1 + i % 20],
      (array[0, 15, 30, 30, 45, 60])[1 + i % 6],
      (array['US','DE','KE','GB','JP','KW'])[1 + i % 6],
      '{"seed":"large"}'::jsonb
    from jsonb_array_elements_text(${JSON.stringify(numbers)}::jsonb) with ordinality as n(number, o), lateral (select (o + ${have}::int)::int as i) x`);
}

/** The book's customers numbered 1…n in customer-number order, for the plan to pick from (per transaction). */
export async function customerPick(tx: Db): Promise<number> {
  await tx.execute(sql`
    create temp table seed_customers on commit drop as
    select (row_number() over (order by number))::int as k, id, currency, payment_terms from customers where ${LARGE_CUSTOMER}`);
  await tx.execute(sql`create unique index on seed_customers (k)`);
  const [row] = rawRows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from seed_customers`));
  return row?.n ?? 0;
}

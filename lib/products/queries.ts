import { and, asc, count, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { companySettings, products, taxRates } from "@/db/schema";
import { likeContains, likePrefix, pageOf } from "@/lib/list-queries";
import { PRODUCTS_PAGE_SIZE, type ProductListFilters, type ProductSort } from "./list-params";

/** What the table and the edit dialog need, and nothing more. */
export const productListColumns = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  description: products.description,
  unit: products.unit,
  unitPrice: products.unitPrice,
  currency: products.currency,
  defaultTaxRateId: products.defaultTaxRateId,
  taxRateName: taxRates.name,
  active: products.active,
  version: products.version,
  createdAt: products.createdAt,
};

export interface ProductListRow {
  id: string;
  sku: string | null;
  name: string;
  description: string | null;
  unit: string | null;
  unitPrice: bigint;
  currency: string;
  defaultTaxRateId: string | null;
  taxRateName: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
}

export interface ProductListPage {
  rows: ProductListRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** Search (name, SKU, description) and filters; deleted products never. */
function listWhere(filters: ProductListFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [isNull(products.deletedAt)];
  if (filters.q) {
    // lower() LIKE lower() rather than ILIKE: the same matches, and it can use lower(name) indexes
    const pattern = sql`lower(${likeContains(filters.q)})`;
    conditions.push(
      or(
        sql`lower(${products.name}) like ${pattern}`,
        sql`lower(${products.sku}) like ${pattern}`,
        sql`lower(${products.description}) like ${pattern}`,
      ),
    );
  }
  if (filters.status) conditions.push(eq(products.active, filters.status === "active"));
  if (filters.currency) conditions.push(eq(products.currency, filters.currency));
  return and(...conditions);
}

const SORT_COLUMNS: Record<ProductSort, SQL | typeof products.unitPrice | typeof products.createdAt> = {
  name: sql`lower(${products.name})`,
  price: products.unitPrice,
  created: products.createdAt,
};

export async function listProducts(db: Db, filters: ProductListFilters): Promise<ProductListPage> {
  const where = listWhere(filters);
  const { total, page, pageCount, offset } = await pageOf(db.select({ n: count() }).from(products).where(where), filters.page, PRODUCTS_PAGE_SIZE);
  const by = filters.dir === "asc" ? asc : desc;
  const rows = await db
    .select(productListColumns)
    .from(products)
    .leftJoin(taxRates, eq(taxRates.id, products.defaultTaxRateId))
    .where(where)
    // then the id, so equal names or prices never swap places between pages
    .orderBy(by(SORT_COLUMNS[filters.sort]), by(products.id))
    .limit(PRODUCTS_PAGE_SIZE)
    .offset(offset);
  return { rows, total, page, pageCount };
}

/** Whether the catalog has any product at all (the first-product empty state). */
export async function hasAnyProduct(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: products.id }).from(products).where(isNull(products.deletedAt)).limit(1);
  return Boolean(row);
}

/** Currencies used in the catalog, for the list's filter. */
export async function productCurrencies(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ currency: products.currency }).from(products).where(isNull(products.deletedAt)).orderBy(asc(products.currency));
  return rows.map((row) => row.currency);
}

/** The currency a new product starts in: the company's default. */
export async function defaultProductCurrency(db: Db): Promise<string> {
  const [row] = await db.select({ currency: companySettings.defaultCurrency }).from(companySettings).limit(1);
  return row?.currency ?? "USD";
}

export interface ProductPickerItem {
  id: string;
  sku: string | null;
  name: string;
  description: string | null;
  unit: string | null;
  unitPrice: bigint;
  currency: string;
  defaultTaxRateId: string | null;
}

export const PICKER_LIMIT = 10;

/**
 * The invoice editor's type-ahead: at most 10 active products, those whose name or SKU starts with
 * `q` first, then those containing it anywhere (name, SKU, description); by name within each group.
 */
export async function searchProductsForPicker(db: Db, q: string, currency?: string): Promise<ProductPickerItem[]> {
  const text = q.trim().slice(0, 200).toLowerCase();
  const conditions: (SQL | undefined)[] = [isNull(products.deletedAt), eq(products.active, true)];
  if (currency) conditions.push(eq(products.currency, currency));
  const order: SQL[] = [];
  if (text) {
    const prefix = likePrefix(text);
    const contains = likeContains(text);
    const startsWith = sql`(lower(${products.name}) like ${prefix} or lower(${products.sku}) like ${prefix})`;
    conditions.push(
      or(startsWith, sql`lower(${products.name}) like ${contains}`, sql`lower(${products.sku}) like ${contains}`, sql`lower(${products.description}) like ${contains}`),
    );
    order.push(sql`case when ${startsWith} then 0 else 1 end`);
  }
  return db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      description: products.description,
      unit: products.unit,
      unitPrice: products.unitPrice,
      currency: products.currency,
      defaultTaxRateId: products.defaultTaxRateId,
    })
    .from(products)
    .where(and(...conditions))
    .orderBy(...order, sql`lower(${products.name})`, asc(products.id))
    .limit(PICKER_LIMIT);
}

/** Every tax rate, active first: the dialog offers the active ones, plus a product's current rate if since retired. */
export async function productTaxRateOptions(db: Db) {
  return db
    .select({ id: taxRates.id, name: taxRates.name, percent: taxRates.percent, active: taxRates.active })
    .from(taxRates)
    .orderBy(desc(taxRates.active), asc(taxRates.name), asc(taxRates.id));
}
export type ProductTaxRateOption = Awaited<ReturnType<typeof productTaxRateOptions>>[number];

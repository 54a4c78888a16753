import { sql } from "drizzle-orm";
import { bigint, boolean, char, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { taxRates } from "./tax-rates";
import { users } from "./users";

/** The catalog: what invoice lines are picked from. A line copies the figures; editing a product never changes an invoice. */
export const products = pgTable(
  "products",
  {
    id: id(),
    // optional; unique (case-insensitively) among products not deleted
    sku: text("sku"),
    name: text("name").notNull(),
    description: text("description"),
    // free text (hour, day, piece, kg, …); the form offers presets
    unit: text("unit"),
    // minor units of `currency`
    unitPrice: bigint("unit_price", { mode: "bigint" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    defaultTaxRateId: uuid("default_tax_rate_id").references(() => taxRates.id),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id),
    // optimistic concurrency: an edit names the version it started from
    version: integer("version").notNull().default(1),
    ...timestamps(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("products_sku_key")
      .on(sql`lower(${t.sku})`)
      .where(sql`${t.sku} is not null and ${t.deletedAt} is null`),
    // type-ahead: prefix LIKE on lower(name) whatever the database collation
    index("products_name_prefix_idx").on(sql`lower(${t.name}) text_pattern_ops`),
    index("products_name_idx").on(sql`lower(${t.name})`, t.id),
    index("products_active_idx").on(t.active, sql`lower(${t.name})`),
    index("products_currency_idx").on(t.currency),
    index("products_price_idx").on(t.unitPrice, t.id),
    index("products_created_idx").on(t.createdAt, t.id),
    index("products_tax_rate_idx").on(t.defaultTaxRateId),
    index("products_created_by_idx").on(t.createdBy),
    check("products_currency_code", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("products_unit_price_nonnegative", sql`${t.unitPrice} >= 0`),
    check("products_name_length", sql`char_length(${t.name}) between 1 and 200`),
    check("products_sku_length", sql`${t.sku} is null or char_length(${t.sku}) between 1 and 64`),
    check("products_unit_length", sql`${t.unit} is null or char_length(${t.unit}) between 1 and 20`),
  ],
);

export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;

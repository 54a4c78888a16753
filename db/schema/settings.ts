import { sql } from "drizzle-orm";
import { bigint, check, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { bytea, id, timestamps } from "./columns";

export const numberResetEnum = pgEnum("number_reset", ["never", "yearly", "monthly"]);

/** One row (id = 1): the company that issues the invoices. */
export const companySettings = pgTable(
  "company_settings",
  {
    id: integer("id").primaryKey().default(1),
    legalName: text("legal_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    street: text("street"),
    city: text("city"),
    region: text("region"),
    postalCode: text("postal_code"),
    country: text("country"),
    taxId: text("tax_id"),
    logo: bytea("logo"),
    logoMime: text("logo_mime"),
    defaultCurrency: text("default_currency").notNull().default("USD"),
    defaultPaymentTerms: integer("default_payment_terms").notNull().default(30),
    invoiceNumberFormat: text("invoice_number_format").notNull().default("INV-{YYYY}-{SEQ:5}"),
    invoiceNumberReset: numberResetEnum("invoice_number_reset").notNull().default("yearly"),
    creditNoteNumberFormat: text("credit_note_number_format").notNull().default("CN-{YYYY}-{SEQ:5}"),
    ...timestamps(),
  },
  (t) => [
    check("company_settings_singleton", sql`${t.id} = 1`),
    check("company_settings_currency_code", sql`${t.defaultCurrency} ~ '^[A-Z]{3}$'`),
  ],
);

/** Gapless counters; a number is taken by locking the row FOR UPDATE in the caller's transaction. */
export const numberSequences = pgTable(
  "number_sequences",
  {
    id: id(),
    series: text("series").notNull(),
    // "" when the series never resets, "2026" or "2026-11" otherwise
    period: text("period").notNull().default(""),
    nextValue: bigint("next_value", { mode: "number" }).notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("number_sequences_series_period_key").on(t.series, t.period)],
);

export type CompanySettings = typeof companySettings.$inferSelect;

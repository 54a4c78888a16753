import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { users } from "./users";

/** Which optional columns an invoice's line table shows (description and amount always show). */
export const TEMPLATE_COLUMNS = ["quantity", "unit", "unit_price", "discount", "tax"] as const;
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

/** How an invoice looks on screen, in the PDF and in the email; one is the default. */
export const invoiceTemplates = pgTable(
  "invoice_templates",
  {
    id: id(),
    name: text("name").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    // #rrggbb
    accentColor: text("accent_color").notNull().default("#2563eb"),
    showLogo: boolean("show_logo").notNull().default(true),
    headerText: text("header_text"),
    footerText: text("footer_text"),
    columns: text("columns").array().notNull().default(sql`'{quantity,unit,unit_price,discount,tax}'::text[]`),
    defaultNotes: text("default_notes"),
    defaultTerms: text("default_terms"),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    // at most one default among live templates
    uniqueIndex("invoice_templates_default_key").on(t.isDefault).where(sql`${t.isDefault} and ${t.deletedAt} is null`),
    index("invoice_templates_name_idx").on(t.name),
    index("invoice_templates_created_by_idx").on(t.createdBy),
    check("invoice_templates_accent_color", sql`${t.accentColor} ~ '^#[0-9a-fA-F]{6}$'`),
    check("invoice_templates_name_length", sql`char_length(${t.name}) between 1 and 100`),
  ],
);

export type InvoiceTemplate = typeof invoiceTemplates.$inferSelect;

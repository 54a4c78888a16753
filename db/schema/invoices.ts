import { sql } from "drizzle-orm";
import { bigint, boolean, char, check, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { customers } from "./customers";
import { invoiceTemplates } from "./invoice-templates";
import { products } from "./products";
import { taxRates } from "./tax-rates";
import { users } from "./users";

/** 128 random bits as hex; Web Crypto, so this module stays importable anywhere. */
function randomNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The stored lifecycle. "overdue" is not stored: it is an open invoice (finalized, sent, viewed,
 * partial) whose due date has passed with an amount still due, so it is derived where it is read.
 */
export const invoiceStatusEnum = pgEnum("invoice_status", ["draft", "finalized", "sent", "viewed", "partial", "paid", "void", "uncollectible"]);
export const documentDiscountKindEnum = pgEnum("document_discount_kind", ["percent", "fixed"]);

/**
 * One invoice. Figures are bigint minor units of `currency`. subtotal … total are the sums of the
 * line figures (lib/invoices/calculate.ts); amount_paid and amount_credited are recomputed from the
 * allocation rows under the invoice's row lock, and amount_due = total − credited − paid (≥ 0).
 */
export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    // null while a draft: finalizing takes the next number of the series (invariant 2)
    number: text("number"),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    templateId: uuid("template_id").references(() => invoiceTemplates.id),
    status: invoiceStatusEnum("status").notNull().default("draft"),
    currency: char("currency", { length: 3 }).notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    poNumber: text("po_number"),
    discountKind: documentDiscountKindEnum("discount_kind"),
    // thousandths of a percent for "percent", minor units for "fixed"
    discountValue: bigint("discount_value", { mode: "bigint" }),
    notes: text("notes"),
    terms: text("terms"),
    footer: text("footer"),
    subtotal: bigint("subtotal", { mode: "bigint" }).notNull().default(sql`0`),
    discountTotal: bigint("discount_total", { mode: "bigint" }).notNull().default(sql`0`),
    taxTotal: bigint("tax_total", { mode: "bigint" }).notNull().default(sql`0`),
    total: bigint("total", { mode: "bigint" }).notNull().default(sql`0`),
    amountPaid: bigint("amount_paid", { mode: "bigint" }).notNull().default(sql`0`),
    amountCredited: bigint("amount_credited", { mode: "bigint" }).notNull().default(sql`0`),
    amountDue: bigint("amount_due", { mode: "bigint" }).notNull().default(sql`0`),
    // the public link is an HMAC of id + nonce (lib/invoices/public-link.ts); a new nonce revokes it
    publicLinkNonce: text("public_link_nonce").notNull().$defaultFn(randomNonce),
    // the public page lets the customer pay part of the amount due
    allowPartialPayment: boolean("allow_partial_payment").notNull().default(false),
    viewedAt: timestamp("viewed_at", { withTimezone: true }),
    viewCount: integer("view_count").notNull().default(0),
    finalizedAt: timestamp("finalized_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidReason: text("void_reason"),
    uncollectibleAt: timestamp("uncollectible_at", { withTimezone: true }),
    duplicatedFromId: uuid("duplicated_from_id"),
    createdBy: uuid("created_by").references(() => users.id),
    // optimistic concurrency for draft edits
    version: integer("version").notNull().default(1),
    ...timestamps(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invoices_number_key").on(t.number),
    index("invoices_number_prefix_idx").on(sql`lower(${t.number}) text_pattern_ops`),
    index("invoices_customer_idx").on(t.customerId, t.issueDate),
    index("invoices_status_idx").on(t.status, t.dueDate),
    index("invoices_issue_date_idx").on(t.issueDate, t.id),
    index("invoices_due_date_idx").on(t.dueDate, t.id),
    index("invoices_total_idx").on(t.total, t.id),
    index("invoices_amount_due_idx").on(t.amountDue, t.id),
    index("invoices_currency_idx").on(t.currency),
    // reports (revenue, tax, aging) read one currency's invoices issued in a period
    index("invoices_currency_issue_idx").on(t.currency, t.issueDate),
    index("invoices_created_idx").on(t.createdAt, t.id),
    index("invoices_template_idx").on(t.templateId),
    index("invoices_created_by_idx").on(t.createdBy),
    index("invoices_duplicated_from_idx").on(t.duplicatedFromId),
    check("invoices_currency_code", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("invoices_due_after_issue", sql`${t.dueDate} >= ${t.issueDate}`),
    check("invoices_amounts_nonnegative", sql`${t.subtotal} >= 0 and ${t.discountTotal} >= 0 and ${t.taxTotal} >= 0 and ${t.total} >= 0`),
    check("invoices_amount_due_nonnegative", sql`${t.amountDue} >= 0`),
    check("invoices_balance", sql`${t.amountDue} = ${t.total} - ${t.amountCredited} - ${t.amountPaid}`),
    check("invoices_number_when_final", sql`(${t.status} = 'draft') = (${t.number} is null)`),
    check("invoices_discount_pair", sql`(${t.discountKind} is null) = (${t.discountValue} is null)`),
  ],
);

/** A line as calculated and stored: the figures of lib/invoices/calculate.ts, frozen at finalize. */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: id(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    productId: uuid("product_id").references(() => products.id),
    description: text("description").notNull(),
    unit: text("unit"),
    // scaled × 10,000 (lib/quantity.ts)
    quantity: bigint("quantity", { mode: "bigint" }).notNull(),
    unitPrice: bigint("unit_price", { mode: "bigint" }).notNull(),
    // thousandths of a percent
    discountPercent: integer("discount_percent").notNull().default(0),
    gross: bigint("gross", { mode: "bigint" }).notNull(),
    discount: bigint("discount", { mode: "bigint" }).notNull(),
    net: bigint("net", { mode: "bigint" }).notNull(),
    documentDiscount: bigint("document_discount", { mode: "bigint" }).notNull(),
    taxable: bigint("taxable", { mode: "bigint" }).notNull(),
    tax: bigint("tax", { mode: "bigint" }).notNull(),
    total: bigint("total", { mode: "bigint" }).notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("invoice_lines_position_key").on(t.invoiceId, t.position),
    index("invoice_lines_product_idx").on(t.productId),
    check("invoice_lines_quantity_positive", sql`${t.quantity} > 0`),
    check("invoice_lines_unit_price_nonnegative", sql`${t.unitPrice} >= 0`),
    check("invoice_lines_discount_percent", sql`${t.discountPercent} between 0 and 100000`),
    check("invoice_lines_description_length", sql`char_length(${t.description}) between 1 and 2000`),
  ],
);

/** Each tax on a line, with the rate's name and percent copied so later edits of the rate change nothing. */
export const invoiceLineTaxes = pgTable(
  "invoice_line_taxes",
  {
    id: id(),
    lineId: uuid("line_id")
      .notNull()
      .references(() => invoiceLines.id, { onDelete: "cascade" }),
    taxRateId: uuid("tax_rate_id")
      .notNull()
      .references(() => taxRates.id),
    name: text("name").notNull(),
    percent: numeric("percent", { precision: 6, scale: 3 }).notNull(),
    compound: boolean("compound").notNull().default(false),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
  },
  (t) => [uniqueIndex("invoice_line_taxes_line_rate_key").on(t.lineId, t.taxRateId), index("invoice_line_taxes_rate_idx").on(t.taxRateId)],
);

export type Invoice = typeof invoices.$inferSelect;
export type NewInvoice = typeof invoices.$inferInsert;
export type InvoiceStatus = (typeof invoiceStatusEnum.enumValues)[number];
export type InvoiceLine = typeof invoiceLines.$inferSelect;
export type InvoiceLineTax = typeof invoiceLineTaxes.$inferSelect;

import { sql } from "drizzle-orm";
import { bigint, char, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { customers } from "./customers";
import { invoiceLines, invoices } from "./invoices";
import { users } from "./users";

/**
 * A credit note against a finalized invoice: the only way to change what a finalized invoice asks
 * for. Its total first reduces the invoice's amount due (an allocation); what the invoice no longer
 * owes becomes customer credit or a refund record.
 */
export const creditNotes = pgTable(
  "credit_notes",
  {
    id: id(),
    // CN-2026-00001, its own series
    number: text("number").notNull(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    currency: char("currency", { length: 3 }).notNull(),
    reason: text("reason").notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    subtotal: bigint("subtotal", { mode: "bigint" }).notNull(),
    taxTotal: bigint("tax_total", { mode: "bigint" }).notNull(),
    total: bigint("total", { mode: "bigint" }).notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("credit_notes_number_key").on(t.number),
    index("credit_notes_invoice_idx").on(t.invoiceId),
    index("credit_notes_customer_idx").on(t.customerId, t.issueDate),
    index("credit_notes_created_by_idx").on(t.createdBy),
    // tax report: credit notes issued in a period, all customers
    index("credit_notes_issue_date_idx").on(t.issueDate),
    check("credit_notes_total_positive", sql`${t.total} > 0`),
    check("credit_notes_reason_length", sql`char_length(${t.reason}) between 1 and 500`),
  ],
);

/** What is credited from one invoice line: a quantity of it, with the figures as calculated. */
export const creditNoteLines = pgTable(
  "credit_note_lines",
  {
    id: id(),
    creditNoteId: uuid("credit_note_id")
      .notNull()
      .references(() => creditNotes.id, { onDelete: "cascade" }),
    invoiceLineId: uuid("invoice_line_id")
      .notNull()
      .references(() => invoiceLines.id),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    // scaled × 10,000; at most what is left uncredited on the invoice line
    quantity: bigint("quantity", { mode: "bigint" }).notNull(),
    net: bigint("net", { mode: "bigint" }).notNull(),
    tax: bigint("tax", { mode: "bigint" }).notNull(),
    total: bigint("total", { mode: "bigint" }).notNull(),
  },
  (t) => [
    uniqueIndex("credit_note_lines_position_key").on(t.creditNoteId, t.position),
    index("credit_note_lines_invoice_line_idx").on(t.invoiceLineId),
    check("credit_note_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

export type CreditNote = typeof creditNotes.$inferSelect;
export type CreditNoteLine = typeof creditNoteLines.$inferSelect;

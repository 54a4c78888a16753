import { sql } from "drizzle-orm";
import { bigint, char, check, date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { creditNotes } from "./credit-notes";
import { customers } from "./customers";
import { invoices } from "./invoices";
import { users } from "./users";

export const paymentMethodEnum = pgEnum("payment_method", ["bank_transfer", "cash", "check", "mpesa", "other", "card", "paypal"]);
export const paymentStatusEnum = pgEnum("payment_status", ["succeeded", "voided"]);

/**
 * Money received from a customer. Never deleted or edited (invariant 8): a mistaken payment is
 * voided, which writes reversal allocations. What a payment does not allocate is customer credit.
 */
export const payments = pgTable(
  "payments",
  {
    id: id(),
    // PAY-2026-00001
    number: text("number").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    currency: char("currency", { length: 3 }).notNull(),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    method: paymentMethodEnum("method").notNull(),
    status: paymentStatusEnum("status").notNull().default("succeeded"),
    reference: text("reference"),
    note: text("note"),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidReason: text("void_reason"),
    voidedBy: uuid("voided_by").references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("payments_number_key").on(t.number),
    index("payments_customer_idx").on(t.customerId, t.receivedOn),
    index("payments_received_idx").on(t.receivedOn, t.id),
    index("payments_status_idx").on(t.status),
    index("payments_voided_by_idx").on(t.voidedBy),
    index("payments_created_by_idx").on(t.createdBy),
    check("payments_amount_positive", sql`${t.amount} > 0`),
    check("payments_currency_code", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("payments_void_pair", sql`(${t.status} = 'voided') = (${t.voidedAt} is not null)`),
  ],
);

/**
 * Applies money to an invoice: from a payment, or from a credit note. A reversal is a negative row
 * pointing at the row it undoes; rows are never updated or deleted. An invoice's amount_paid is the
 * sum of its payment allocations, amount_credited the sum of its credit-note allocations.
 */
export const allocations = pgTable(
  "allocations",
  {
    id: id(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    paymentId: uuid("payment_id").references(() => payments.id),
    creditNoteId: uuid("credit_note_id").references(() => creditNotes.id),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    reversalOfId: uuid("reversal_of_id"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("allocations_invoice_idx").on(t.invoiceId),
    index("allocations_payment_idx").on(t.paymentId),
    index("allocations_credit_note_idx").on(t.creditNoteId),
    index("allocations_created_by_idx").on(t.createdBy),
    // a row can be reversed once
    uniqueIndex("allocations_reversal_key").on(t.reversalOfId),
    check("allocations_one_source", sql`(${t.paymentId} is null) <> (${t.creditNoteId} is null)`),
    check("allocations_sign", sql`(${t.reversalOfId} is null and ${t.amount} > 0) or (${t.reversalOfId} is not null and ${t.amount} < 0)`),
  ],
);

/** Money paid back to a customer (from customer credit or a credit note); a record, not a gateway call, for now. */
export const refunds = pgTable(
  "refunds",
  {
    id: id(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    paymentId: uuid("payment_id").references(() => payments.id),
    creditNoteId: uuid("credit_note_id").references(() => creditNotes.id),
    currency: char("currency", { length: 3 }).notNull(),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    method: paymentMethodEnum("method").notNull(),
    reference: text("reference"),
    refundedOn: date("refunded_on", { mode: "string" }).notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index("refunds_customer_idx").on(t.customerId),
    index("refunds_payment_idx").on(t.paymentId),
    index("refunds_credit_note_idx").on(t.creditNoteId),
    index("refunds_created_by_idx").on(t.createdBy),
    check("refunds_amount_positive", sql`${t.amount} > 0`),
  ],
);

export type Payment = typeof payments.$inferSelect;
export type PaymentMethodName = (typeof paymentMethodEnum.enumValues)[number];
export type Allocation = typeof allocations.$inferSelect;
export type Refund = typeof refunds.$inferSelect;

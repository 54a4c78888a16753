import { sql } from "drizzle-orm";
import { bigint, char, check, date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { creditNotes } from "./credit-notes";
import { customers } from "./customers";
import { invoices } from "./invoices";
import { paymentMethodConfigs } from "./payment-method-configs";
import { users } from "./users";

export const paymentMethodEnum = pgEnum("payment_method", ["bank_transfer", "cash", "check", "mpesa", "other", "card", "paypal", "local_wallet"]);
/**
 * pending: created before the gateway call, or submitted by the customer and waiting for approval;
 * succeeded: money received (only these allocate); failed: the gateway declined; rejected: staff
 * turned down a manual submission; voided: a recorded payment reversed by staff.
 */
export const paymentStatusEnum = pgEnum("payment_status", ["succeeded", "voided", "pending", "failed", "rejected"]);
export const gatewayEnum = pgEnum("gateway", ["stripe", "paypal"]);
/** Who started the payment: staff recording it, the customer on the public page, or an off-session charge. */
export const paymentOriginEnum = pgEnum("payment_origin", ["staff", "customer", "saved_card"]);

/**
 * Money received from a customer. Never deleted: a mistaken payment is voided, which writes
 * reversal allocations (invariant 8). What a payment does not allocate is customer credit.
 * Online and manual-submission payments start as `pending`; the idempotency key of every gateway
 * call is derived from this row's id (invariant 5).
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
    // the invoice an online or submitted payment was made for (staff payments allocate explicitly)
    invoiceId: uuid("invoice_id").references(() => invoices.id),
    currency: char("currency", { length: 3 }).notNull(),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    method: paymentMethodEnum("method").notNull(),
    status: paymentStatusEnum("status").notNull().default("succeeded"),
    origin: paymentOriginEnum("origin").notNull().default("staff"),
    methodConfigId: uuid("method_config_id").references(() => paymentMethodConfigs.id),
    reference: text("reference"),
    note: text("note"),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    // gateway side: Stripe Checkout Session / PayPal order, then PaymentIntent / capture
    gateway: gatewayEnum("gateway"),
    gatewayCheckoutId: text("gateway_checkout_id"),
    gatewayPaymentId: text("gateway_payment_id"),
    // Stripe's balance transaction, when it reports one
    feeAmount: bigint("fee_amount", { mode: "bigint" }),
    netAmount: bigint("net_amount", { mode: "bigint" }),
    payerEmail: text("payer_email"),
    failureReason: text("failure_reason"),
    succeededAt: timestamp("succeeded_at", { withTimezone: true }),
    // REC-2026-00001, given when the payment succeeds (receipts have their own series)
    receiptNumber: text("receipt_number"),
    // staff decision on a customer's "I have paid" submission
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    rejectReason: text("reject_reason"),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidReason: text("void_reason"),
    voidedBy: uuid("voided_by").references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("payments_number_key").on(t.number),
    uniqueIndex("payments_receipt_number_key").on(t.receiptNumber),
    uniqueIndex("payments_gateway_checkout_key").on(t.gateway, t.gatewayCheckoutId),
    uniqueIndex("payments_gateway_payment_key").on(t.gateway, t.gatewayPaymentId),
    index("payments_customer_idx").on(t.customerId, t.receivedOn),
    index("payments_invoice_idx").on(t.invoiceId),
    index("payments_received_idx").on(t.receivedOn, t.id),
    index("payments_status_idx").on(t.status, t.receivedOn),
    index("payments_method_config_idx").on(t.methodConfigId),
    index("payments_decided_by_idx").on(t.decidedBy),
    index("payments_voided_by_idx").on(t.voidedBy),
    index("payments_created_by_idx").on(t.createdBy),
    check("payments_amount_positive", sql`${t.amount} > 0`),
    check("payments_currency_code", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("payments_void_pair", sql`(${t.status} = 'voided') = (${t.voidedAt} is not null)`),
    check("payments_receipt_when_received", sql`${t.receiptNumber} is null or ${t.status} in ('succeeded', 'voided')`),
  ],
);

/**
 * Applies money to an invoice: from a payment, or from a credit note. A negative row undoes money:
 * a reversal of one row (void), or part of a payment given back (refund, lost dispute). Rows are
 * never updated or deleted. An invoice's amount_paid is the sum of its payment allocations,
 * amount_credited the sum of its credit-note allocations.
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
    // the refund that took this money back off the invoice
    refundId: uuid("refund_id").references(() => refunds.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("allocations_invoice_idx").on(t.invoiceId),
    index("allocations_payment_idx").on(t.paymentId),
    index("allocations_credit_note_idx").on(t.creditNoteId),
    index("allocations_refund_idx").on(t.refundId),
    index("allocations_created_by_idx").on(t.createdBy),
    // as-of balances (aging): the allocations made after a date, few when the date is recent
    index("allocations_created_idx").on(t.createdAt),
    // a row can be reversed once
    uniqueIndex("allocations_reversal_key").on(t.reversalOfId),
    check("allocations_one_source", sql`(${t.paymentId} is null) <> (${t.creditNoteId} is null)`),
    check(
      "allocations_sign",
      sql`(${t.reversalOfId} is null and ${t.refundId} is null and ${t.amount} > 0) or ((${t.reversalOfId} is not null or ${t.refundId} is not null) and ${t.amount} < 0)`,
    ),
  ],
);

export const refundStatusEnum = pgEnum("refund_status", ["pending", "succeeded", "failed"]);
/** staff: from our payment page; gateway: made in the gateway's dashboard, learned by webhook; dispute: a lost dispute. */
export const refundOriginEnum = pgEnum("refund_origin", ["staff", "gateway", "dispute"]);

/**
 * Money paid back to a customer: from a payment (through its gateway, or recorded for manual
 * methods), from customer credit or a credit note. Pending and succeeded refunds count against
 * what can still be refunded; a failed one does not.
 */
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
    status: refundStatusEnum("status").notNull().default("succeeded"),
    origin: refundOriginEnum("origin").notNull().default("staff"),
    reason: text("reason"),
    reference: text("reference"),
    gateway: gatewayEnum("gateway"),
    gatewayRefundId: text("gateway_refund_id"),
    failureReason: text("failure_reason"),
    refundedOn: date("refunded_on", { mode: "string" }).notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index("refunds_customer_idx").on(t.customerId),
    index("refunds_payment_idx").on(t.paymentId),
    index("refunds_credit_note_idx").on(t.creditNoteId),
    index("refunds_created_by_idx").on(t.createdBy),
    // refunds, revenue and tax reports: refunds made in a period
    index("refunds_refunded_idx").on(t.refundedOn),
    // a refund the gateway reports (by webhook or API answer) is recorded once
    uniqueIndex("refunds_gateway_refund_key").on(t.gateway, t.gatewayRefundId),
    check("refunds_amount_positive", sql`${t.amount} > 0`),
  ],
);

export type Payment = typeof payments.$inferSelect;
export type PaymentStatus = (typeof paymentStatusEnum.enumValues)[number];
export type PaymentMethodName = (typeof paymentMethodEnum.enumValues)[number];
export type Gateway = (typeof gatewayEnum.enumValues)[number];
export type Allocation = typeof allocations.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
export type RefundStatus = (typeof refundStatusEnum.enumValues)[number];

import { sql } from "drizzle-orm";
import { bigint, char, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { gatewayEnum, payments, refunds } from "./payments";
import { users } from "./users";

/** Stripe's dispute statuses, as it sends them. */
export const disputeStatusEnum = pgEnum("dispute_status", [
  "warning_needs_response",
  "warning_under_review",
  "warning_closed",
  "needs_response",
  "under_review",
  "won",
  "lost",
  "prevented",
]);

/**
 * A chargeback on a payment, opened by the gateway. Staff write evidence and submit it; when the
 * dispute is lost, `lost_refund_id` points at the refund row that took the money back off the
 * invoice (once, however often the close event arrives).
 */
export const disputes = pgTable(
  "disputes",
  {
    id: id(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id),
    gateway: gatewayEnum("gateway").notNull(),
    gatewayDisputeId: text("gateway_dispute_id").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    reason: text("reason").notNull(),
    status: disputeStatusEnum("status").notNull(),
    evidenceDueBy: timestamp("evidence_due_by", { withTimezone: true }),
    evidenceText: text("evidence_text"),
    evidenceSubmittedAt: timestamp("evidence_submitted_at", { withTimezone: true }),
    evidenceSubmittedBy: uuid("evidence_submitted_by").references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    lostRefundId: uuid("lost_refund_id").references(() => refunds.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("disputes_gateway_dispute_key").on(t.gateway, t.gatewayDisputeId),
    uniqueIndex("disputes_lost_refund_key").on(t.lostRefundId),
    index("disputes_payment_idx").on(t.paymentId),
    index("disputes_status_idx").on(t.status, t.evidenceDueBy),
    index("disputes_evidence_submitted_by_idx").on(t.evidenceSubmittedBy),
    check("disputes_amount_positive", sql`${t.amount} > 0`),
  ],
);

/** Staff notes on a dispute, shown on its timeline. */
export const disputeNotes = pgTable(
  "dispute_notes",
  {
    id: id(),
    disputeId: uuid("dispute_id")
      .notNull()
      .references(() => disputes.id),
    authorId: uuid("author_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dispute_notes_dispute_idx").on(t.disputeId, t.createdAt), index("dispute_notes_author_idx").on(t.authorId)],
);

export type Dispute = typeof disputes.$inferSelect;
export type DisputeStatus = (typeof disputeStatusEnum.enumValues)[number];
export type DisputeNote = typeof disputeNotes.$inferSelect;

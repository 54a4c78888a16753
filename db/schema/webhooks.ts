import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { id } from "./columns";

export const webhookOutcomeEnum = pgEnum("webhook_outcome", ["applied", "ignored", "held"]);

/**
 * Every webhook a gateway (resend, stripe, paypal) delivered, keyed by the gateway's event id:
 * a replay hits the unique key and changes nothing (invariant 4). processed_at is set in the
 * transaction that applied the event; a failure leaves it null and keeps the error for the retry.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    gateway: text("gateway").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    // what processing did: applied, ignored (nothing to change) or held (amount or currency did
    // not match our records: acknowledged to the gateway, not applied, waiting for a person)
    outcome: webhookOutcomeEnum("outcome"),
    heldReason: text("held_reason"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("webhook_events_gateway_event_key").on(t.gateway, t.eventId),
    index("webhook_events_received_idx").on(t.gateway, t.receivedAt),
    index("webhook_events_unprocessed_idx").on(t.gateway, t.processedAt),
  ],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
export type WebhookEventOutcome = (typeof webhookOutcomeEnum.enumValues)[number];

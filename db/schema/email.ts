import { index, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";

export const emailStatusEnum = pgEnum("email_status", [
  "queued",
  "sent",
  "delivered",
  "opened",
  "bounced",
  "complained",
  "failed",
]);
export const emailTransportEnum = pgEnum("email_transport", ["outbox", "resend"]);

/** Every email the app sends, whichever transport carried it. */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: id(),
    template: text("template").notNull(),
    fromAddress: text("from_address").notNull(),
    toAddresses: text("to_addresses").array().notNull(),
    ccAddresses: text("cc_addresses").array().notNull().default([]),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    status: emailStatusEnum("status").notNull().default("queued"),
    transport: emailTransportEnum("transport").notNull(),
    providerMessageId: text("provider_message_id"),
    error: text("error"),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index("email_messages_created_idx").on(t.createdAt),
    index("email_messages_status_idx").on(t.status, t.createdAt),
    index("email_messages_entity_idx").on(t.entityType, t.entityId),
    index("email_messages_provider_id_idx").on(t.providerMessageId),
  ],
);

export type EmailMessage = typeof emailMessages.$inferSelect;
export type EmailStatus = (typeof emailStatusEnum.enumValues)[number];

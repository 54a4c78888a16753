import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, id, timestamps } from "./columns";

export const emailStatusEnum = pgEnum("email_status", [
  "queued",
  "sent",
  // the receiving server deferred it; the provider keeps trying (Resend email.delivery_delayed)
  "delayed",
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

/**
 * Files sent with a message, kept with it: a retried delivery sends the same bytes, and the outbox
 * shows what went out.
 */
export const emailAttachments = pgTable(
  "email_attachments",
  {
    id: id(),
    emailMessageId: uuid("email_message_id")
      .notNull()
      .references(() => emailMessages.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_attachments_message_position_key").on(t.emailMessageId, t.position),
    check("email_attachments_size", sql`${t.size} = octet_length(${t.content})`),
  ],
);

export type EmailMessage = typeof emailMessages.$inferSelect;
export type EmailAttachmentRow = typeof emailAttachments.$inferSelect;
export type EmailStatus = (typeof emailStatusEnum.enumValues)[number];

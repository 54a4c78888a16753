import { render, toPlainText } from "@react-email/render";
import { and, asc, eq, ne } from "drizzle-orm";
import type { ReactElement } from "react";
import type { Db } from "@/db";
import { emailAttachments, emailMessages, type EmailStatus } from "@/db/schema";
import { env } from "@/lib/env";
import { transportFromEnv, type EmailAttachment, type EmailTransport } from "./transport";

export interface OutgoingEmail {
  template: string;
  to: string[];
  cc?: string[];
  subject: string;
  body: ReactElement;
  entityType?: string;
  entityId?: string;
  attachments?: EmailAttachment[];
}

/** Renders the message and records it as queued, in the caller's transaction. Returns its id. */
export async function queueEmail(db: Db, email: OutgoingEmail, transport: EmailTransport): Promise<string> {
  const html = await render(email.body);
  const [row] = await db
    .insert(emailMessages)
    .values({
      template: email.template,
      fromAddress: env().EMAIL_FROM,
      toAddresses: email.to,
      ccAddresses: email.cc ?? [],
      subject: email.subject,
      html,
      text: toPlainText(html),
      transport: transport.name,
      entityType: email.entityType,
      entityId: email.entityId,
    })
    .returning({ id: emailMessages.id });
  if (!row) throw new Error("email_messages insert returned no row");
  const attachments = email.attachments ?? [];
  if (attachments.length) {
    await db.insert(emailAttachments).values(
      attachments.map((file, position) => ({
        emailMessageId: row.id,
        position,
        filename: file.filename,
        contentType: file.contentType,
        size: file.content.byteLength,
        content: file.content,
      })),
    );
  }
  return row.id;
}

/** Hands a queued message to the transport and records the outcome on its row. */
export async function deliverEmail(db: Db, id: string, transport: EmailTransport): Promise<EmailStatus> {
  const message = await db.query.emailMessages.findFirst({ where: eq(emailMessages.id, id) });
  if (!message) throw new Error(`No email message ${id}`);
  if (message.status !== "queued" && message.status !== "failed") return message.status;
  const attachments = await db
    .select({ filename: emailAttachments.filename, contentType: emailAttachments.contentType, content: emailAttachments.content })
    .from(emailAttachments)
    .where(eq(emailAttachments.emailMessageId, id))
    .orderBy(asc(emailAttachments.position));
  try {
    const providerMessageId = await transport.send({
      id: message.id,
      from: message.fromAddress,
      to: message.toAddresses,
      cc: message.ccAddresses,
      subject: message.subject,
      html: message.html,
      text: message.text,
      attachments,
    });
    await db
      .update(emailMessages)
      .set({ status: "sent", providerMessageId, error: null, sentAt: new Date(), transport: transport.name })
      .where(eq(emailMessages.id, id));
    return "sent";
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // a concurrent delivery of the same row may have succeeded meanwhile: never undo its "sent"
    await db
      .update(emailMessages)
      .set({ status: "failed", error: reason })
      .where(and(eq(emailMessages.id, id), ne(emailMessages.status, "sent")));
    return "failed";
  }
}

/** Queue and deliver now. Call it after the transaction that caused the email has committed. */
export async function sendEmail(db: Db, email: OutgoingEmail, transport: EmailTransport = transportFromEnv()) {
  const id = await queueEmail(db, email, transport);
  const status = await deliverEmail(db, id, transport);
  return { id, status };
}

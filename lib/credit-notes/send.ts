import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { companySettings, creditNotes, customers, invoices } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { isUuid } from "@/lib/customers/detail";
import { CREDIT_NOTE_EMAIL_TEMPLATE, creditNoteEmailBody, defaultCreditNoteMessage, defaultCreditNoteSubject, type CreditNoteEmailContext } from "@/lib/email/credit-note-email";
import { deliverEmail, queueEmail } from "@/lib/email/send";
import { transportFromEnv, type EmailTransport } from "@/lib/email/transport";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { publicPathFor } from "@/lib/invoices/public-link";
import { attachmentSummary, greetingName, pdfEmailAttachment } from "@/lib/invoices/send";
import { loadCreditNotePdfData } from "@/lib/pdf/load";
import { renderCreditNotePdf } from "@/lib/pdf/render";

export const CREDIT_NOTE_NOT_FOUND = "That credit note does not exist.";

/** The note, the invoice it credits and the customer's primary address; refuses a customer without one. */
async function loadForSending(db: Db, creditNoteId: string) {
  if (!isUuid(creditNoteId)) throw new UserError(CREDIT_NOTE_NOT_FOUND);
  const [row] = await db
    .select({
      creditNote: creditNotes,
      invoice: { id: invoices.id, number: invoices.number, publicLinkNonce: invoices.publicLinkNonce },
      customer: { name: customers.displayName, firstName: customers.firstName, email: customers.email },
    })
    .from(creditNotes)
    .innerJoin(invoices, eq(invoices.id, creditNotes.invoiceId))
    .innerJoin(customers, eq(customers.id, creditNotes.customerId))
    .where(eq(creditNotes.id, creditNoteId));
  if (!row) throw new UserError(CREDIT_NOTE_NOT_FOUND);
  const { creditNote, invoice, customer } = row;
  if (!customer.email) {
    throw new UserError(`${customer.name} has no email address: add one to the customer before sending credit note ${creditNote.number}.`);
  }
  const [company] = await db.select({ name: companySettings.legalName }).from(companySettings).limit(1);
  const context: CreditNoteEmailContext = {
    creditNote,
    // a credit note exists only for a finalized (numbered) invoice
    invoiceNumber: invoice.number ?? "",
    companyName: company?.name ?? "CleanPay",
    greetingName: greetingName(customer.name, customer.firstName),
  };
  return { creditNote, invoice, to: customer.email, context };
}

/**
 * Emails a credit note to the customer's primary address with its PDF attached and a link to the
 * credited invoice's public page. Queued and audited in one transaction, delivered after it commits
 * (as lib/invoices/send.ts does); a failed delivery stays in the outbox as failed.
 */
export async function sendCreditNote(
  db: Db,
  creditNoteId: string,
  actor: Actor,
  transport: EmailTransport = transportFromEnv(),
  appUrl: string = env().APP_URL,
): Promise<{ emailId: string; status: "sent" | "failed" }> {
  const { creditNote, invoice, to, context } = await loadForSending(db, creditNoteId);
  // rendered before the transaction: it is slow, and a credit note never changes once issued
  const data = await loadCreditNotePdfData(db, creditNote.id);
  if (!data) throw new UserError(CREDIT_NOTE_NOT_FOUND);
  const attachments = [pdfEmailAttachment(creditNote, await renderCreditNotePdf(data))];
  const invoiceUrl = new URL(publicPathFor(invoice), appUrl).toString();
  const subject = defaultCreditNoteSubject(context);

  const emailId = await db.transaction(async (tx) => {
    const id = await queueEmail(
      tx,
      {
        template: CREDIT_NOTE_EMAIL_TEMPLATE,
        to: [to],
        subject,
        body: creditNoteEmailBody(context, { message: defaultCreditNoteMessage(context), invoiceUrl, pdfAttached: true }),
        entityType: "credit_note",
        entityId: creditNote.id,
        attachments,
      },
      transport,
    );
    await writeAudit(tx, actor, {
      action: "credit_note.email",
      entityType: "credit_note",
      entityId: creditNote.id,
      after: {
        customerId: creditNote.customerId,
        invoiceId: invoice.id,
        number: creditNote.number,
        to: [to],
        subject,
        attachments: attachmentSummary(attachments),
        emailId: id,
      },
    });
    return id;
  });

  const status = await deliverEmail(db, emailId, transport);
  return { emailId, status: status === "sent" ? "sent" : "failed" };
}

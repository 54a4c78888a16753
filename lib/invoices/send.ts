import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { companySettings, customers, emailAttachments, emailMessages, invoices, type Invoice } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { defaultInvoiceMessage, defaultInvoiceSubject, INVOICE_EMAIL_TEMPLATES, invoiceEmailBody, type InvoiceEmailContext } from "@/lib/email/invoice-email";
import { deliverEmail, queueEmail } from "@/lib/email/send";
import { transportFromEnv, type EmailAttachment, type EmailTransport } from "@/lib/email/transport";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { pdfFilename } from "@/lib/pdf/http";
import { loadInvoicePdfData } from "@/lib/pdf/load";
import { renderInvoicePdf } from "@/lib/pdf/render";
import { auditInvoice } from "./audit";
import { markSent } from "./lifecycle";
import { INVOICE_NOT_FOUND, lockInvoice } from "./lock";
import { publicPathFor } from "./public-link";
import { sendInvoiceInputSchema, type SendInvoiceInput, type SendKind } from "./send-schemas";
import { isOpen } from "./status";

type Recipient = { name: string; greetingName: string; email: string | null; secondaryEmail: string | null };

/** How a customer email greets: the contact's first name, else the customer's name. */
export function greetingName(customerName: string, firstName: string | null): string {
  return firstName?.trim() || customerName;
}

/** Why this invoice cannot get this email now, or null. Checked again under the row lock. */
function sendRefusal(invoice: Invoice, kind: SendKind): string | null {
  if (invoice.status === "draft") return "Finalize the invoice before sending it.";
  if (invoice.status === "void") return `Invoice ${invoice.number} is void; it cannot be sent.`;
  if (kind === "reminder" && (!isOpen(invoice.status) || invoice.amountDue === 0n)) {
    return `Invoice ${invoice.number} has nothing left to pay; there is nothing to remind about.`;
  }
  return null;
}

async function loadForSending(db: Db, invoiceId: string, kind: SendKind) {
  const [row] = await db
    .select({
      invoice: invoices,
      customer: { name: customers.displayName, firstName: customers.firstName, email: customers.email, secondaryEmail: customers.secondaryEmail },
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(and(eq(invoices.id, invoiceId), isNull(invoices.deletedAt)));
  if (!row) throw new UserError(INVOICE_NOT_FOUND);
  const refusal = sendRefusal(row.invoice, kind);
  if (refusal) throw new UserError(refusal);
  const [company] = await db.select({ name: companySettings.legalName }).from(companySettings).limit(1);
  const { firstName, ...customer } = row.customer;
  const recipient: Recipient = { ...customer, greetingName: greetingName(customer.name, firstName) };
  return { invoice: row.invoice, recipient, companyName: company?.name ?? "CleanPay" };
}

function emailContext(invoice: Invoice, recipient: Recipient, companyName: string): InvoiceEmailContext {
  return { invoice, companyName, greetingName: recipient.greetingName };
}

export type SendDefaults = {
  invoiceNumber: string;
  customerName: string;
  /** the customer's addresses on file, primary first: the dialog's recipient choices */
  to: string[];
  subject: string;
  message: string;
  attachPdf: boolean;
};

/** What the send dialog starts from; refuses (UserError) when the invoice cannot be sent. */
export async function sendDefaults(db: Db, invoiceId: string, kind: SendKind): Promise<SendDefaults> {
  const { invoice, recipient, companyName } = await loadForSending(db, invoiceId, kind);
  const context = emailContext(invoice, recipient, companyName);
  const to = [recipient.email, recipient.secondaryEmail].filter((address): address is string => Boolean(address));
  return {
    invoiceNumber: invoice.number ?? "",
    customerName: recipient.name,
    to: [...new Set(to)],
    subject: defaultInvoiceSubject(kind, context),
    message: defaultInvoiceMessage(kind, context),
    attachPdf: true,
  };
}

function uniqueAddresses(addresses: string[], except: string[] = []): string[] {
  const seen = new Set(except.map((address) => address.toLowerCase()));
  return addresses.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A rendered document PDF as an email attachment, named like its download. */
export function pdfEmailAttachment(document: { id: string; number: string | null }, bytes: Uint8Array): EmailAttachment {
  return { filename: pdfFilename(document), contentType: "application/pdf", content: new Uint8Array(bytes) };
}

/** What an email audit row records about its attachments (the bytes stay in the outbox). */
export function attachmentSummary(attachments: EmailAttachment[]): { filename: string; size: number }[] {
  return attachments.map((file) => ({ filename: file.filename, size: file.content.byteLength }));
}

async function pdfAttachment(db: Db, invoice: Invoice, appUrl: string): Promise<EmailAttachment> {
  const data = await loadInvoicePdfData(db, invoice.id, appUrl);
  if (!data) throw new UserError(INVOICE_NOT_FOUND);
  return pdfEmailAttachment(invoice, await renderInvoicePdf(data));
}

function parseSendInput(input: SendInvoiceInput) {
  const parsed = sendInvoiceInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
  throw new UserError(parsed.error.issues[0]?.message ?? "Check the highlighted fields.", fieldErrors);
}

/**
 * Emails an invoice (or a reminder) with its public link and, if asked, its PDF. The message is
 * queued and audited under the invoice's row lock, delivered after that commits, and only a
 * delivered first send moves a finalized invoice to sent: a failed email leaves it finalized.
 */
export async function sendInvoice(
  db: Db,
  rawInput: SendInvoiceInput,
  actor: Actor,
  transport: EmailTransport = transportFromEnv(),
  appUrl: string = env().APP_URL,
): Promise<{ emailId: string; status: "sent" | "failed" }> {
  const input = parseSendInput(rawInput);
  const { invoice, recipient, companyName } = await loadForSending(db, input.invoiceId, input.kind);
  const to = uniqueAddresses(input.to);
  const cc = uniqueAddresses(input.cc, to);
  // rendered before the transaction: it is slow and reads only finalized (frozen) figures
  const attachments = input.attachPdf ? [await pdfAttachment(db, invoice, appUrl)] : [];
  const invoiceUrl = new URL(publicPathFor(invoice), appUrl).toString();

  const emailId = await db.transaction(async (tx) => {
    const locked = await lockInvoice(tx, invoice.id);
    const refusal = sendRefusal(locked, input.kind);
    if (refusal) throw new UserError(refusal);
    const context = emailContext(locked, recipient, companyName);
    const id = await queueEmail(
      tx,
      {
        template: INVOICE_EMAIL_TEMPLATES[input.kind],
        to,
        cc,
        subject: input.subject,
        body: invoiceEmailBody(input.kind, context, { message: input.message, invoiceUrl, pdfAttached: attachments.length > 0 }),
        entityType: "invoice",
        entityId: locked.id,
        attachments,
      },
      transport,
    );
    const attached = attachmentSummary(attachments);
    await auditInvoice(tx, actor, "invoice.email", locked, { extra: { kind: input.kind, to, cc, subject: input.subject, attachments: attached, emailId: id } });
    return id;
  });

  const status = await deliverEmail(db, emailId, transport);
  if (status === "sent") {
    await db.transaction(async (tx) => {
      const locked = await lockInvoice(tx, invoice.id);
      if (locked.status === "finalized") await markSent(tx, locked.id, actor);
    });
  }
  return { emailId, status: status === "sent" ? "sent" : "failed" };
}

/** Bulk sending: the default subject and message to the customer's primary address, PDF attached. */
export async function sendInvoiceWithDefaults(db: Db, invoiceId: string, actor: Actor, transport?: EmailTransport, appUrl?: string) {
  const defaults = await sendDefaults(db, invoiceId, "send");
  const [primary] = defaults.to;
  if (!primary) throw new UserError(`${defaults.customerName} has no email address: add one to the customer before sending invoice ${defaults.invoiceNumber}.`);
  return sendInvoice(
    db,
    { invoiceId, kind: "send", to: [primary], cc: [], subject: defaults.subject, message: defaults.message, attachPdf: defaults.attachPdf },
    actor,
    transport,
    appUrl,
  );
}

/** Every email sent about one invoice, newest first, with its delivery status. */
export async function invoiceEmailHistory(db: Db, invoiceId: string) {
  return db
    .select({
      id: emailMessages.id,
      template: emailMessages.template,
      status: emailMessages.status,
      toAddresses: emailMessages.toAddresses,
      ccAddresses: emailMessages.ccAddresses,
      subject: emailMessages.subject,
      error: emailMessages.error,
      createdAt: emailMessages.createdAt,
      sentAt: emailMessages.sentAt,
      updatedAt: emailMessages.updatedAt,
      attachments: sql<string[]>`coalesce((select array_agg(${emailAttachments.filename} order by ${emailAttachments.position}) from ${emailAttachments} where ${emailAttachments.emailMessageId} = ${emailMessages.id}), '{}')`,
    })
    .from(emailMessages)
    .where(and(eq(emailMessages.entityType, "invoice"), eq(emailMessages.entityId, invoiceId)))
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id));
}
export type InvoiceEmailHistoryRow = Awaited<ReturnType<typeof invoiceEmailHistory>>[number];

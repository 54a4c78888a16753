import { createElement, type ReactElement } from "react";
import type { Invoice } from "@/db/schema";
import InvoiceEmail from "@/emails/invoice";
import { todayIso } from "@/lib/invoices/dates";
import type { SendKind } from "@/lib/invoices/send-schemas";
import { displayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { formatPdfDate } from "@/lib/pdf/format";

/** What the invoice email says, from the invoice row and who it is for. */
export interface InvoiceEmailContext {
  invoice: Pick<Invoice, "number" | "currency" | "amountDue" | "dueDate" | "status">;
  companyName: string;
  /** how the customer is greeted: the contact's first name, else the customer's name */
  greetingName: string;
}

/** The template names in email_messages (and the outbox's Template column). */
export const INVOICE_EMAIL_TEMPLATES: Record<SendKind, string> = { send: "invoice", reminder: "invoice-reminder" };

function figures({ invoice }: InvoiceEmailContext) {
  return {
    number: invoice.number ?? "",
    amountDue: formatMoney(invoice.amountDue, invoice.currency),
    dueDate: formatPdfDate(invoice.dueDate),
    overdue: displayStatus(invoice, todayIso()) === "overdue",
  };
}

export function defaultInvoiceSubject(kind: SendKind, context: InvoiceEmailContext): string {
  const { number, overdue } = figures(context);
  if (kind === "send") return `Invoice ${number} from ${context.companyName}`;
  return overdue ? `Reminder: invoice ${number} is overdue` : `Reminder: invoice ${number} is due`;
}

export function defaultInvoiceMessage(kind: SendKind, context: InvoiceEmailContext): string {
  const { number, amountDue, dueDate, overdue } = figures(context);
  const body =
    kind === "send"
      ? `Here is invoice ${number} for ${amountDue}, due on ${dueDate}. The link below shows the invoice, the PDF and how to pay.`
      : `This is a friendly reminder that invoice ${number} for ${amountDue} ${overdue ? "was due" : "is due"} on ${dueDate}. If you have already paid, thank you, and please ignore this message.`;
  const closing = kind === "send" ? "Thank you for your business." : "Kind regards,";
  return `Hello ${context.greetingName},\n\n${body}\n\n${closing}\n${context.companyName}`;
}

export function invoiceEmailBody(kind: SendKind, context: InvoiceEmailContext, extra: { message: string; invoiceUrl: string; pdfAttached: boolean }): ReactElement {
  const { number, amountDue, dueDate, overdue } = figures(context);
  return createElement(InvoiceEmail, { kind, companyName: context.companyName, invoiceNumber: number, amountDue, dueDate, overdue, ...extra });
}

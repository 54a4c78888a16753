import { createElement, type ReactElement } from "react";
import type { CreditNote } from "@/db/schema";
import CreditNoteEmail from "@/emails/credit-note";
import { formatMoney } from "@/lib/money";
import { formatPdfDate } from "@/lib/pdf/format";

/** The template name in email_messages (and the outbox's Template column). */
export const CREDIT_NOTE_EMAIL_TEMPLATE = "credit-note";

/** What the credit note email says, from the note, the invoice it credits and who it is for. */
export interface CreditNoteEmailContext {
  creditNote: Pick<CreditNote, "number" | "currency" | "total" | "issueDate" | "reason">;
  invoiceNumber: string;
  companyName: string;
  /** how the customer is greeted: the contact's first name, else the customer's name */
  greetingName: string;
}

const amountOf = ({ creditNote }: CreditNoteEmailContext) => formatMoney(creditNote.total, creditNote.currency);

export function defaultCreditNoteSubject(context: CreditNoteEmailContext): string {
  return `Credit note ${context.creditNote.number} from ${context.companyName}`;
}

export function defaultCreditNoteMessage(context: CreditNoteEmailContext): string {
  const body = `We have issued credit note ${context.creditNote.number} for ${amountOf(context)} against invoice ${context.invoiceNumber}.`;
  return `Hello ${context.greetingName},\n\n${body}\n\nKind regards,\n${context.companyName}`;
}

export function creditNoteEmailBody(context: CreditNoteEmailContext, extra: { message: string; invoiceUrl: string; pdfAttached: boolean }): ReactElement {
  const { creditNote } = context;
  return createElement(CreditNoteEmail, {
    companyName: context.companyName,
    creditNoteNumber: creditNote.number,
    invoiceNumber: context.invoiceNumber,
    amount: amountOf(context),
    issueDate: formatPdfDate(creditNote.issueDate),
    reason: creditNote.reason,
    ...extra,
  });
}

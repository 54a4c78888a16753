import { createElement } from "react";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, customers, disputes, emailAttachments, emailMessages, invoices, payments, refunds } from "@/db/schema";
import DisputeOpenedEmail from "@/emails/dispute-opened";
import ManualPaymentDecisionEmail from "@/emails/manual-payment-decision";
import PaymentFailedEmail from "@/emails/payment-failed";
import PaymentReceivedStaffEmail from "@/emails/payment-received-staff";
import ReceiptEmail from "@/emails/receipt";
import RefundEmail from "@/emails/refund";
import { deliverEmail, queueEmail, type OutgoingEmail } from "@/lib/email/send";
import { transportFromEnv } from "@/lib/email/transport";
import { greetingName } from "@/lib/invoices/send";
import { formatMoney } from "@/lib/money";
import { formatPdfDate } from "@/lib/pdf/format";
import { receiptMethod } from "@/lib/pdf/receipt-model";
import { renderReceiptPdfFor } from "@/lib/pdf/receipt-render";
import { appLink, companyName, invoicePublicUrl, staffRecipients } from "./context";
import { receiptFilename, receiptFigures } from "./figures";
import { loadReceiptData, type ReceiptData } from "./receipt-data";

// Each notice is queued in the caller's transaction (it commits or rolls back with the change it
// tells about) and returns the email ids; the caller hands them to deliverQueuedEmails after commit.

export const NOTICE_TEMPLATES = {
  receipt: "receipt",
  paymentReceivedStaff: "payment-received-staff",
  paymentFailed: "payment-failed",
  refund: "refund",
  manualDecision: "manual-payment-decision",
  disputeOpened: "dispute-opened",
} as const;

const queue = (tx: Db, email: OutgoingEmail) => queueEmail(tx, email, transportFromEnv());

async function requireReceiptData(tx: Db, paymentId: string): Promise<ReceiptData> {
  const data = await loadReceiptData(tx, paymentId);
  if (!data) throw new Error(`No payment ${paymentId}`);
  return data;
}

const hasReceipt = ({ payment }: ReceiptData) => payment.status === "succeeded" && payment.receiptNumber !== null;


async function invoiceNumberOf(tx: Db, invoiceId: string | null): Promise<string | null> {
  if (!invoiceId) return null;
  const [invoice] = await tx.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, invoiceId));
  return invoice?.number ?? null;
}

/**
 * A succeeded payment's receipt to the customer (PDF attached; none when the customer has no
 * email address) and a "payment received" notice to every active admin and finance user.
 * A payment without a receipt (not succeeded, no REC number) gets nothing.
 */
export async function queueReceiptEmail(tx: Db, paymentId: string): Promise<string[]> {
  const data = await requireReceiptData(tx, paymentId);
  if (!hasReceipt(data)) return [];
  const { payment, customer } = data;
  const company = await companyName(tx);
  const figures = receiptFigures(data);
  const about = { entityType: "payment", entityId: payment.id };
  const ids: string[] = [];
  if (customer.email) {
    const body = createElement(ReceiptEmail, {
      companyName: company,
      greetingName: greetingName(customer.displayName, customer.firstName),
      figures,
      invoiceUrl: await invoicePublicUrl(tx, payment.invoiceId ?? data.applied[0]?.invoiceId ?? null),
      pdfAttached: true,
    });
    const subject = `Receipt ${figures.receiptNumber} from ${company}`;
    ids.push(await queue(tx, { template: NOTICE_TEMPLATES.receipt, to: [customer.email], subject, body, ...about }));
  }
  const staffBody = createElement(PaymentReceivedStaffEmail, {
    companyName: company,
    customerName: customer.displayName,
    paymentNumber: payment.number,
    figures,
    paymentUrl: appLink(`/payments/${payment.id}`),
  });
  const staffSubject = `Payment received: ${figures.amount} from ${customer.displayName}`;
  for (const to of await staffRecipients(tx, ["admin", "finance"])) {
    ids.push(await queue(tx, { template: NOTICE_TEMPLATES.paymentReceivedStaff, to: [to], subject: staffSubject, body: staffBody, ...about }));
  }
  return ids;
}

/** A failed payment: the customer is told nothing was taken and gets `retryUrl` to try again. */
export async function queuePaymentFailedEmail(tx: Db, paymentId: string, retryUrl: string): Promise<string[]> {
  const { payment, customer } = await requireReceiptData(tx, paymentId);
  if (payment.status !== "failed" || !customer.email) return [];
  const company = await companyName(tx);
  const invoiceNumber = await invoiceNumberOf(tx, payment.invoiceId);
  const amount = formatMoney(payment.amount, payment.currency);
  const body = createElement(PaymentFailedEmail, {
    companyName: company,
    greetingName: greetingName(customer.displayName, customer.firstName),
    invoiceNumber,
    amount,
    method: receiptMethod(payment),
    reason: payment.failureReason,
    retryUrl,
  });
  const subject = invoiceNumber ? `Your payment for invoice ${invoiceNumber} did not go through` : `Your payment of ${amount} did not go through`;
  return [await queue(tx, { template: NOTICE_TEMPLATES.paymentFailed, to: [customer.email], subject, body, entityType: "payment", entityId: payment.id })];
}

/** A succeeded refund: amount, the payment it came from, what that payment still counts for, what is due now. */
export async function queueRefundEmail(tx: Db, refundId: string): Promise<string[]> {
  const [row] = await tx
    .select({ refund: refunds, customer: { name: customers.displayName, firstName: customers.firstName, email: customers.email } })
    .from(refunds)
    .innerJoin(customers, eq(customers.id, refunds.customerId))
    .where(eq(refunds.id, refundId));
  if (!row) throw new Error(`No refund ${refundId}`);
  const { refund, customer } = row;
  if (refund.status !== "succeeded" || !customer.email) return [];
  const money = (minor: bigint) => formatMoney(minor, refund.currency);
  const [payment] = refund.paymentId ? await tx.select().from(payments).where(eq(payments.id, refund.paymentId)) : [];
  let remaining: bigint | null = null;
  if (payment) {
    const [refunded] = await tx
      .select({ total: sql<bigint>`coalesce(sum(${refunds.amount}), 0)::text`.mapWith(BigInt) })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), ne(refunds.status, "failed")));
    remaining = payment.amount - (refunded?.total ?? 0n);
  }
  const touched = await tx
    .selectDistinct({ id: invoices.id, number: invoices.number, amountDue: invoices.amountDue })
    .from(allocations)
    .innerJoin(invoices, eq(invoices.id, allocations.invoiceId))
    .where(eq(allocations.refundId, refund.id));
  const company = await companyName(tx);
  const body = createElement(RefundEmail, {
    companyName: company,
    greetingName: greetingName(customer.name, customer.firstName),
    amount: money(refund.amount),
    date: formatPdfDate(refund.refundedOn),
    originalPayment: payment ? (payment.receiptNumber ? `${payment.number} (receipt ${payment.receiptNumber})` : payment.number) : null,
    remainingPayment: remaining === null ? null : money(remaining),
    invoices: touched.map((invoice) => ({ invoiceNumber: invoice.number ?? "", amountDue: money(invoice.amountDue) })),
    reason: refund.reason,
    method: payment ? receiptMethod(payment) : receiptMethod({ method: refund.method, gateway: refund.gateway }),
    invoiceUrl: await invoicePublicUrl(tx, payment?.invoiceId ?? touched[0]?.id ?? null),
  });
  const subject = `Refund of ${money(refund.amount)} from ${company}`;
  return [await queue(tx, { template: NOTICE_TEMPLATES.refund, to: [customer.email], subject, body, entityType: "refund", entityId: refund.id })];
}

/**
 * Staff decided on a customer's "I have paid": approved reads like a receipt (PDF attached),
 * rejected gives the reason. A payment still pending (or never submitted) gets nothing.
 */
export async function queueManualDecisionEmail(tx: Db, paymentId: string): Promise<string[]> {
  const data = await requireReceiptData(tx, paymentId);
  const { payment, customer } = data;
  if (!customer.email) return [];
  const company = await companyName(tx);
  const common = {
    companyName: company,
    greetingName: greetingName(customer.displayName, customer.firstName),
    invoiceUrl: await invoicePublicUrl(tx, payment.invoiceId ?? data.applied[0]?.invoiceId ?? null),
  };
  const about = { template: NOTICE_TEMPLATES.manualDecision, to: [customer.email], entityType: "payment", entityId: payment.id };
  if (hasReceipt(data)) {
    const figures = receiptFigures(data);
    const body = createElement(ManualPaymentDecisionEmail, { ...common, decision: "approved", figures, pdfAttached: true });
    const subject = `Payment confirmed: receipt ${figures.receiptNumber} from ${company}`;
    return [await queue(tx, { ...about, subject, body })];
  }
  if (payment.status !== "rejected") return [];
  const amount = formatMoney(payment.amount, payment.currency);
  const invoiceNumber = await invoiceNumberOf(tx, payment.invoiceId);
  const body = createElement(ManualPaymentDecisionEmail, {
    ...common,
    decision: "rejected",
    amount,
    invoiceNumber,
    reference: payment.reference,
    reason: payment.rejectReason?.trim() || "No reason was given.",
  });
  const subject = invoiceNumber ? `We could not confirm your payment for invoice ${invoiceNumber}` : `We could not confirm your payment of ${amount}`;
  return [await queue(tx, { ...about, subject, body })];
}

const evidenceDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const GATEWAY_NAMES = { stripe: "Stripe", paypal: "PayPal" } as const;

/** A new dispute: every active admin gets the amount, reason, evidence due date and a link to the case. */
export async function queueDisputeOpenedEmail(tx: Db, disputeId: string): Promise<string[]> {
  const [row] = await tx
    .select({ dispute: disputes, paymentNumber: payments.number, customerName: customers.displayName })
    .from(disputes)
    .innerJoin(payments, eq(payments.id, disputes.paymentId))
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(eq(disputes.id, disputeId));
  if (!row) throw new Error(`No dispute ${disputeId}`);
  const { dispute } = row;
  const amount = formatMoney(dispute.amount, dispute.currency);
  const body = createElement(DisputeOpenedEmail, {
    companyName: await companyName(tx),
    customerName: row.customerName,
    amount,
    reason: dispute.reason,
    paymentNumber: row.paymentNumber,
    gateway: GATEWAY_NAMES[dispute.gateway],
    evidenceDueBy: dispute.evidenceDueBy ? `${evidenceDate.format(dispute.evidenceDueBy)} UTC` : null,
    disputeUrl: appLink(`/disputes/${dispute.id}`),
  });
  const subject = `Dispute opened: ${amount} on payment ${row.paymentNumber}`;
  const ids: string[] = [];
  for (const to of await staffRecipients(tx, ["admin"])) {
    ids.push(await queue(tx, { template: NOTICE_TEMPLATES.disputeOpened, to: [to], subject, body, entityType: "dispute", entityId: dispute.id }));
  }
  return ids;
}

/** The emails that carry the payment's receipt PDF. */
const RECEIPT_TEMPLATES: readonly string[] = [NOTICE_TEMPLATES.receipt, NOTICE_TEMPLATES.manualDecision];

/**
 * Renders and attaches the receipt PDF to a queued receipt email that has none yet. Done at
 * delivery, after the payment's transaction, so no lock (the receipt counter, the invoice) is
 * held while a PDF renders.
 */
async function attachReceiptPdf(db: Db, emailId: string): Promise<void> {
  const [message] = await db
    .select({ template: emailMessages.template, entityType: emailMessages.entityType, entityId: emailMessages.entityId, status: emailMessages.status })
    .from(emailMessages)
    .where(eq(emailMessages.id, emailId));
  if (!message?.entityId || message.entityType !== "payment" || !RECEIPT_TEMPLATES.includes(message.template) || message.status !== "queued") return;
  const [attached] = await db.select({ n: count() }).from(emailAttachments).where(eq(emailAttachments.emailMessageId, emailId));
  if ((attached?.n ?? 0) > 0) return;
  const data = await loadReceiptData(db, message.entityId);
  if (!data || !hasReceipt(data)) return;
  const content = await renderReceiptPdfFor(db, data);
  await db
    .insert(emailAttachments)
    .values({ emailMessageId: emailId, position: 0, filename: receiptFilename(data.payment), contentType: "application/pdf", size: content.byteLength, content })
    .onConflictDoNothing();
}

/** Hands queued notices to the transport after the commit. Never throws: a failure stays on its row (outbox: failed). */
export async function deliverQueuedEmails(db: Db, ids: string[]): Promise<void> {
  const transport = transportFromEnv();
  for (const id of ids) {
    try {
      await attachReceiptPdf(db, id);
      const status = await deliverEmail(db, id, transport);
      if (status === "failed") console.error(`Email ${id} could not be delivered; it is marked failed in the outbox.`);
    } catch (error) {
      console.error(`Email ${id} could not be delivered`, error);
    }
  }
}

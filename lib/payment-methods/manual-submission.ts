import { and, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, payments } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { findInvoiceByPublicToken } from "@/lib/invoices/public-link";
import { lockInvoice } from "@/lib/invoices/lock";
import { isOpen } from "@/lib/invoices/status";
import { formatMoney, parseMoney } from "@/lib/money";
import { createPendingPayment } from "@/lib/payments/online/pending";
import { isOffered } from "./available";
import { offerKindOf } from "./labels";
import { findPaymentMethodConfig } from "./queries";
import type { ManualSubmissionInput } from "./submission-schemas";

/** Submissions waiting for staff on one invoice: more would only be noise (or abuse of an open link). */
export const MAX_PENDING_SUBMISSIONS = 5;

export const LINK_NOT_FOUND = "This invoice link does not open an invoice. Ask the sender for a new link.";

const DAY_MS = 86_400_000;

function fieldError(field: keyof ManualSubmissionInput, message: string): never {
  throw new UserError(message, { [field]: [message] });
}

/** Not in the future (one day of slack for time zones), and not older than a year. */
function checkPaidOn(paidOn: string, now: Date): void {
  const at = Date.parse(`${paidOn}T00:00:00Z`);
  if (at > now.getTime() + DAY_MS) fieldError("paidOn", "The date you paid cannot be in the future.");
  if (at < now.getTime() - 366 * DAY_MS) fieldError("paidOn", "That date is more than a year ago. Contact us about this payment instead.");
}

async function pendingSubmissions(tx: Db, invoiceId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(payments)
    .where(and(eq(payments.invoiceId, invoiceId), eq(payments.status, "pending"), eq(payments.origin, "customer"), isNull(payments.gateway)));
  return row?.n ?? 0;
}

/**
 * A customer's "I have paid" on the public page: a pending payment on the invoice the token names,
 * for a bank-transfer or wallet method offered to them, waiting for staff approval. Anything the
 * token does not open is one generic "not found". The invoice stays locked from the checks to the
 * insert, so the pending count and the amount due cannot change underneath.
 */
export async function submitManualPayment(db: Db, token: string, input: ManualSubmissionInput, actor: Actor, now = new Date()) {
  return db.transaction(async (tx) => {
    const found = await findInvoiceByPublicToken(tx, token);
    if (!found) throw new UserError(LINK_NOT_FOUND);
    const invoice = await lockInvoice(tx, found.id);
    const label = invoice.number ?? "This invoice";
    if (invoice.status === "paid" || (isOpen(invoice.status) && invoice.amountDue === 0n)) throw new UserError(`${label} is already paid. Thank you!`);
    if (!isOpen(invoice.status)) throw new UserError(`${label} cannot be paid any more.`);

    const config = await findPaymentMethodConfig(tx, input.methodConfigId);
    const [customer] = await tx.select({ country: customers.billingCountry }).from(customers).where(eq(customers.id, invoice.customerId));
    const offered = config && offerKindOf(config.method) === "manual" && isOffered(config, invoice, customer?.country ?? null, { stripe: false, paypal: false });
    if (!config || !offered) fieldError("methodConfigId", "That payment method is not offered for this invoice.");
    const method = config.method === "local_wallet" ? "local_wallet" : "bank_transfer";

    const parsed = parseMoney(input.amount, invoice.currency);
    if (!parsed.ok) fieldError("amount", parsed.error);
    const amount = parsed.minor;
    const due = formatMoney(invoice.amountDue, invoice.currency);
    if (amount <= 0n) fieldError("amount", "The amount must be more than 0.");
    if (amount > invoice.amountDue) fieldError("amount", `Only ${due} is due on ${label}.`);
    if (!invoice.allowPartialPayment && amount !== invoice.amountDue) fieldError("amount", `${label} must be paid in full: ${due}.`);
    checkPaidOn(input.paidOn, now);

    if ((await pendingSubmissions(tx, invoice.id)) >= MAX_PENDING_SUBMISSIONS) {
      throw new UserError(`We already have ${MAX_PENDING_SUBMISSIONS} payments on ${label} waiting for confirmation. We'll check those first; contact us if something is wrong.`);
    }

    const payment = await createPendingPayment(
      tx,
      { invoiceId: invoice.id, amount, method, origin: "customer", methodConfigId: config.id, reference: input.reference, receivedOn: input.paidOn },
      actor,
    );
    return { paymentId: payment.id, number: payment.number, amount: payment.amount, currency: payment.currency };
  });
}

import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { payments, type Gateway, type Payment, type PaymentMethodName } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { lockInvoice } from "@/lib/invoices/lock";
import { isOpen } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { nextPaymentNumber } from "../numbers";

export interface PendingPaymentInput {
  invoiceId: string;
  amount: bigint;
  method: PaymentMethodName;
  origin: "customer" | "saved_card" | "staff";
  gateway?: Gateway | null;
  methodConfigId?: string | null;
  reference?: string | null;
  /** YYYY-MM-DD; today (UTC) when left out */
  receivedOn?: string;
  payerEmail?: string | null;
  note?: string | null;
}

const refuse = (message: string): never => {
  throw new UserError(message, { amount: [message] });
};

/**
 * The payment row that exists before any money moves: created before the gateway call (its id is
 * the idempotency key, invariant 5) or when a customer says "I have paid". Checked against the
 * locked invoice, so a second tab finds the invoice paid and is told so. It allocates nothing
 * until it succeeds.
 */
export async function createPendingPayment(tx: Db, input: PendingPaymentInput, actor: Actor): Promise<Payment> {
  const invoice = await lockInvoice(tx, input.invoiceId);
  const label = invoice.number ?? "This invoice";
  if (invoice.status === "paid" || (isOpen(invoice.status) && invoice.amountDue === 0n)) refuse(`${label} is already paid. Nothing was charged.`);
  if (!isOpen(invoice.status)) refuse(`${label} cannot be paid online right now.`);
  if (input.amount <= 0n) refuse("The amount must be more than 0.");
  const due = formatMoney(invoice.amountDue, invoice.currency);
  if (input.amount > invoice.amountDue) refuse(`Only ${due} is due on ${label}; pay at most that.`);
  const partialAllowed = invoice.allowPartialPayment || input.origin === "staff";
  if (input.amount !== invoice.amountDue && !partialAllowed) refuse(`${label} must be paid in full: ${due}.`);

  const now = new Date();
  const [payment] = await tx
    .insert(payments)
    .values({
      number: await nextPaymentNumber(tx, now),
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      currency: invoice.currency,
      amount: input.amount,
      method: input.method,
      status: "pending",
      origin: input.origin,
      gateway: input.gateway ?? null,
      methodConfigId: input.methodConfigId ?? null,
      reference: input.reference ?? null,
      note: input.note ?? null,
      payerEmail: input.payerEmail ?? null,
      receivedOn: input.receivedOn ?? now.toISOString().slice(0, 10),
      createdBy: actor.userId,
    })
    .returning();
  if (!payment) throw new Error("pending payment insert returned nothing");
  await writeAudit(tx, actor, {
    action: "payment.pending",
    entityType: "payment",
    entityId: payment.id,
    after: { number: payment.number, invoiceId: invoice.id, amount: payment.amount, currency: payment.currency, method: payment.method, origin: payment.origin, gateway: payment.gateway },
  });
  return payment;
}

/** Remembers the Checkout Session / PayPal order a pending payment was sent to. */
export async function setGatewayCheckoutId(tx: Db, paymentId: string, gateway: Gateway, checkoutId: string): Promise<void> {
  await tx.update(payments).set({ gateway, gatewayCheckoutId: checkoutId }).where(eq(payments.id, paymentId));
}

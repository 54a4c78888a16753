import { and, eq, isNull, ne } from "drizzle-orm";
import Stripe from "stripe";
import type { Db } from "@/db";
import { customers, invoices, paymentMethods, payments, type Payment } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { describeStripeError, fromStripeAmount, stripeUnitAmount } from "@/lib/gateways/stripe/amounts";
import { recordStripeFee } from "@/lib/gateways/stripe/balance";
import { stripeClient, stripeConfigured } from "@/lib/gateways/stripe/client";
import { failPayment } from "@/lib/payments/online/fail";
import { createPendingPayment } from "@/lib/payments/online/pending";
import { settlePayment } from "@/lib/payments/online/settle";
import { deliverQueuedEmails, queueReceiptEmail } from "@/lib/receipts/notices";

export type SavedCardChargeResult = { payment: Payment; status: "succeeded" | "processing" | "held" };

/** The saved card and what the charge needs, checked against the invoice's customer. */
async function chargeTarget(db: Db, invoiceId: string, paymentMethodId: string) {
  const [row] = await db
    .select({ method: paymentMethods, stripeCustomerId: customers.stripeCustomerId })
    .from(paymentMethods)
    .innerJoin(customers, eq(customers.id, paymentMethods.customerId))
    .where(and(eq(paymentMethods.id, paymentMethodId), isNull(paymentMethods.deletedAt)));
  const [invoice] = await db.select().from(invoices).where(and(eq(invoices.id, invoiceId), isNull(invoices.deletedAt)));
  if (!invoice) throw new UserError("That invoice does not exist.");
  if (!row || row.method.customerId !== invoice.customerId) throw new UserError("That card is not saved for this invoice's customer.");
  const { method, stripeCustomerId } = row;
  if (method.kind !== "stripe_card" || method.gateway !== "stripe" || !method.gatewayToken || !stripeCustomerId) {
    throw new UserError("Only a card saved through Stripe can be charged.");
  }
  if (invoice.amountDue <= 0n) throw new UserError("Nothing is due on this invoice.");
  return { invoice, token: method.gatewayToken, stripeCustomerId };
}

/**
 * Staff "charge saved card": a pending payment for the full amount due, then an off-session
 * PaymentIntent keyed by that payment's id (a retry never charges twice). Success settles at once
 * (the webhook later finds it done); a decline fails the payment with Stripe's message; no answer
 * leaves it pending for the webhook to settle, so nobody charges again by mistake.
 */
export async function chargeSavedCard(db: Db, input: { invoiceId: string; paymentMethodId: string }, actor: Actor): Promise<SavedCardChargeResult> {
  if (!stripeConfigured()) throw new UserError("Card payments are not set up (no Stripe key).");
  const { invoice, token, stripeCustomerId } = await chargeTarget(db, input.invoiceId, input.paymentMethodId);
  const amount = stripeUnitAmount(invoice.amountDue);

  const payment = await db.transaction(async (tx) => {
    const created = await createPendingPayment(tx, { invoiceId: invoice.id, amount: invoice.amountDue, method: "card", origin: "saved_card", gateway: "stripe" }, actor);
    // the invoice is locked now: an earlier charge still waiting for Stripe's answer blocks a second one
    const [waiting] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.invoiceId, invoice.id), eq(payments.origin, "saved_card"), eq(payments.status, "pending"), ne(payments.id, created.id)));
    if (waiting) throw new UserError("A card charge for this invoice is still waiting for Stripe's answer; nothing was charged again.");
    return created;
  });

  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripeClient().paymentIntents.create(
      {
        amount,
        currency: invoice.currency.toLowerCase(),
        customer: stripeCustomerId,
        payment_method: token,
        off_session: true,
        confirm: true,
        metadata: { payment_id: payment.id, invoice_id: invoice.id },
      },
      { idempotencyKey: `charge_${payment.id}` },
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      const reason = error.message || "The card was declined.";
      await db.transaction((tx) => failPayment(tx, payment.id, reason, actor));
      throw new UserError(`The card was declined: ${reason}`);
    }
    console.error("Stripe saved-card charge failed", describeStripeError(error));
    throw new UserError("Stripe did not answer. The payment stays pending until Stripe reports it; do not charge again.");
  }

  if (intent.status === "requires_action" || intent.status === "requires_payment_method") {
    const reason = "The bank asks the customer to confirm this payment; send them the invoice link instead.";
    await db.transaction((tx) => failPayment(tx, payment.id, reason, actor));
    throw new UserError(reason);
  }
  if (intent.status !== "succeeded") return { payment, status: "processing" };

  const settled = await db.transaction(async (tx) => {
    const result = await settlePayment(
      tx,
      payment.id,
      { amount: fromStripeAmount(intent.amount_received || intent.amount), currency: intent.currency.toUpperCase(), gatewayPaymentId: intent.id },
      actor,
    );
    return { result, emailIds: result.outcome === "applied" ? await queueReceiptEmail(tx, payment.id) : [] };
  });
  await deliverQueuedEmails(db, settled.emailIds);
  await recordStripeFee(db, payment.id, intent.id);
  return { payment: settled.result.payment, status: settled.result.outcome === "held" ? "held" : "succeeded" };
}

import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, type Invoice } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { findInvoiceByPublicToken } from "@/lib/invoices/public-link";
import { methodsForInvoice } from "@/lib/payment-methods/available";
import { failPayment } from "@/lib/payments/online/fail";
import { createPendingPayment, setGatewayCheckoutId } from "@/lib/payments/online/pending";
import { stripeClient, stripeConfigured } from "./client";
import { describeStripeError, stripeUnitAmount } from "./amounts";

/** The customer on the public page: no account, the link's token is their key. */
export const CUSTOMER_ACTOR: Actor = { userId: null, label: "customer" };

/** Why a checkout could not start, as a short code the public page turns into a sentence. */
export type CheckoutRefusal = "link_invalid" | "not_offered" | "already_paid" | "refused" | "card_unavailable";

export class CheckoutRefused extends UserError {
  constructor(
    public readonly code: CheckoutRefusal,
    message: string,
  ) {
    super(message);
    this.name = "CheckoutRefused";
  }
}

export const CARD_UNAVAILABLE = "Card payments are unavailable right now; nothing was charged.";

/** The card method offered for this invoice (enabled, customer's country, amount limits), or a refusal. */
async function offeredCardConfig(db: Db, invoice: Invoice): Promise<string | null> {
  if (!stripeConfigured()) throw new CheckoutRefused("not_offered", "Card payments are not offered for this invoice.");
  const [customer] = await db.select({ country: customers.billingCountry }).from(customers).where(eq(customers.id, invoice.customerId));
  const offered = await methodsForInvoice(db, { currency: invoice.currency, amountDue: invoice.amountDue }, customer?.country ?? null, { stripe: true, paypal: false });
  const card = offered.find((method) => method.kind === "stripe");
  if (!card) throw new CheckoutRefused("not_offered", "Card payments are not offered for this invoice.");
  return card.config.id;
}

async function customerEmail(db: Db, customerId: string): Promise<string | undefined> {
  const [row] = await db.select({ email: customers.email }).from(customers).where(eq(customers.id, customerId));
  return row?.email ?? undefined;
}

/**
 * The public page's "Pay by card": a pending payment of ours first, then a Checkout Session whose
 * idempotency key is that payment's id, so the SDK's retries (and a fake answering 500 after doing
 * the work) still give one session. The webhook settles the payment; nothing is paid here.
 */
export async function startStripeCheckout(db: Db, input: { token: string; amount: bigint }, appUrl: string): Promise<{ url: string }> {
  const invoice = await findInvoiceByPublicToken(db, input.token);
  if (!invoice) throw new CheckoutRefused("link_invalid", "This invoice link is not valid any more.");
  if (invoice.status === "paid" || invoice.amountDue <= 0n) {
    throw new CheckoutRefused("already_paid", "This invoice is already paid; nothing was charged.");
  }
  const methodConfigId = await offeredCardConfig(db, invoice);
  const unitAmount = stripeUnitAmount(input.amount);

  let payment;
  try {
    payment = await db.transaction((tx) =>
      createPendingPayment(tx, { invoiceId: invoice.id, amount: input.amount, method: "card", origin: "customer", gateway: "stripe", methodConfigId }, CUSTOMER_ACTOR),
    );
  } catch (error) {
    if (error instanceof UserError) throw new CheckoutRefused("refused", error.message);
    throw error;
  }

  const metadata = { payment_id: payment.id, invoice_id: invoice.id };
  const base = appUrl.replace(/\/+$/, "");
  let session;
  try {
    session = await stripeClient().checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          {
            price_data: { currency: invoice.currency.toLowerCase(), unit_amount: unitAmount, product_data: { name: `Invoice ${invoice.number ?? ""}`.trim() } },
            quantity: 1,
          },
        ],
        client_reference_id: payment.id,
        metadata,
        payment_intent_data: { metadata },
        customer_email: await customerEmail(db, invoice.customerId),
        success_url: `${base}/i/${input.token}/paid?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${base}/i/${input.token}/cancelled`,
      },
      { idempotencyKey: `checkout_${payment.id}` },
    );
  } catch (error) {
    console.error("Stripe checkout session create failed", error);
    await db.transaction((tx) => failPayment(tx, payment.id, `Checkout could not start: ${describeStripeError(error)}`, CUSTOMER_ACTOR));
    throw new CheckoutRefused("card_unavailable", CARD_UNAVAILABLE);
  }
  await db.transaction((tx) => setGatewayCheckoutId(tx, payment.id, "stripe", session.id));
  if (!session.url) throw new CheckoutRefused("card_unavailable", CARD_UNAVAILABLE);
  return { url: session.url };
}

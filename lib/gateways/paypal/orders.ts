import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, type Invoice } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { findInvoiceByPublicToken } from "@/lib/invoices/public-link";
import { methodsForInvoice } from "@/lib/payment-methods/available";
import { failPayment } from "@/lib/payments/online/fail";
import { createPendingPayment, setGatewayCheckoutId } from "@/lib/payments/online/pending";
import { toPayPalAmount } from "./amounts";
import { paypalConfigured, paypalRequest } from "./client";
import { PayPalFlowError } from "./errors";
import { approveLink, orderSchema } from "./schemas";

export const CUSTOMER_ACTOR: Actor = { userId: null, label: "customer" };

/** The open invoice behind a public link token, or a 404 refusal. */
export async function invoiceForToken(db: Db, token: string): Promise<Invoice> {
  const invoice = await findInvoiceByPublicToken(db, token);
  if (!invoice) throw new PayPalFlowError("This invoice link is not valid any more.", 404, "NOT_FOUND");
  return invoice;
}

/** The PayPal config offered for this invoice (enabled, country, limits, keys present), or a refusal. */
async function offeredPayPalConfigId(db: Db, invoice: Invoice): Promise<string> {
  if (!paypalConfigured()) throw new PayPalFlowError("PayPal is not available for this invoice.", 409, "PAYPAL_NOT_OFFERED");
  const [customer] = await db.select({ country: customers.billingCountry }).from(customers).where(eq(customers.id, invoice.customerId));
  const offered = await methodsForInvoice(db, { currency: invoice.currency, amountDue: invoice.amountDue }, customer?.country ?? null, { stripe: false, paypal: true });
  const paypal = offered.find((method) => method.kind === "paypal");
  if (!paypal) throw new PayPalFlowError("PayPal is not available for this invoice.", 409, "PAYPAL_NOT_OFFERED");
  return paypal.config.id;
}

export interface CreatedPayPalOrder {
  orderId: string;
  /** where the buyer approves the order: PayPal's page, or the fake's stand-in in the demo */
  approveUrl: string | null;
}

/**
 * The customer pressed the PayPal button: our pending payment first (its id is the request id, so
 * a retried create gives the same order, invariant 5), then PayPal's order for exactly that amount.
 */
export async function createPayPalOrder(db: Db, input: { token: string; amount: bigint }, actor: Actor = CUSTOMER_ACTOR): Promise<CreatedPayPalOrder> {
  const invoice = await invoiceForToken(db, input.token);
  const methodConfigId = await offeredPayPalConfigId(db, invoice);
  const payment = await db.transaction((tx) =>
    createPendingPayment(tx, { invoiceId: invoice.id, amount: input.amount, method: "paypal", origin: "customer", gateway: "paypal", methodConfigId }, actor),
  );

  let answer: unknown;
  try {
    answer = await paypalRequest(
      "POST",
      "/v2/checkout/orders",
      {
        intent: "CAPTURE",
        purchase_units: [
          {
            reference_id: invoice.id,
            // PayPal refuses an invoice_id it has seen before, so each attempt gets its own
            invoice_id: `${invoice.number ?? invoice.id}-${payment.number}`,
            custom_id: payment.id,
            description: `Invoice ${invoice.number ?? ""}`.trim(),
            amount: toPayPalAmount(payment.amount, payment.currency),
          },
        ],
      },
      { requestId: `order_${payment.id}` },
    );
  } catch (error) {
    // no order the buyer could approve: the attempt ends here rather than waiting forever
    await db.transaction((tx) => failPayment(tx, payment.id, "PayPal did not create the order.", actor));
    throw error;
  }
  const order = orderSchema.parse(answer);
  await setGatewayCheckoutId(db, payment.id, "paypal", order.id);
  return { orderId: order.id, approveUrl: approveLink(order.links) };
}

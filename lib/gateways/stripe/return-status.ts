import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { payments, type Invoice } from "@/db/schema";
import { findInvoiceByPublicToken } from "@/lib/invoices/public-link";

export type CheckoutReturn = { invoice: Invoice; payment: "succeeded" | "pending" | "failed" | "unknown" };

/**
 * What the success page can say after Stripe's redirect. The redirect proves nothing (anyone can
 * open the URL): only our payment row, settled by the signed webhook, says the money arrived.
 */
export async function checkoutReturnStatus(db: Db, token: string, sessionId: string | null): Promise<CheckoutReturn | null> {
  const invoice = await findInvoiceByPublicToken(db, token);
  if (!invoice) return null;
  if (!sessionId || !/^cs_[A-Za-z0-9_]{1,250}$/.test(sessionId)) return { invoice, payment: "unknown" };
  const [payment] = await db
    .select({ status: payments.status })
    .from(payments)
    .where(and(eq(payments.gateway, "stripe"), eq(payments.gatewayCheckoutId, sessionId), eq(payments.invoiceId, invoice.id)));
  if (!payment) return { invoice, payment: "unknown" };
  if (payment.status === "succeeded") return { invoice, payment: "succeeded" };
  if (payment.status === "failed") return { invoice, payment: "failed" };
  return { invoice, payment: "pending" };
}

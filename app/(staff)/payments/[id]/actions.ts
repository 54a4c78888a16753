"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refundActionSchema } from "@/components/payments/detail/refund-schema";
import type { Db } from "@/db";
import { payments, refunds, type Gateway, type Refund } from "@/db/schema";
import { ActionError, permissionAction } from "@/lib/actions";
import { paypalRefundCall } from "@/lib/gateways/paypal/refund";
import { stripeRefundCall } from "@/lib/gateways/stripe/refund";
import { parseMoney } from "@/lib/money";
import { deliverQueuedEmails, queueRefundEmail } from "@/lib/receipts/notices";
import { issueRefund, retryRefund, type RefundGatewayCall } from "@/lib/refunds/issue";

// Refunds from the payment's page. lib/refunds reserves, calls the gateway with an idempotency key
// and settles; here we parse, tell the customer once it succeeded, and refresh the pages.

const gatewayCall = (gateway: Gateway): RefundGatewayCall => (gateway === "stripe" ? stripeRefundCall : paypalRefundCall);

export type RefundOutcome = { refundId: string; status: Refund["status"] };

/** The refund email, queued in its own small transaction and sent after it commits. */
async function notify(db: Db, refund: Refund): Promise<void> {
  if (refund.status !== "succeeded") return;
  const ids = await db.transaction((tx) => queueRefundEmail(tx, refund.id));
  await deliverQueuedEmails(db, ids);
}

function revalidate(paymentId: string) {
  revalidatePath("/payments");
  revalidatePath(`/payments/${paymentId}`);
  revalidatePath("/invoices");
}

function outcomeOf(refund: Refund): RefundOutcome {
  // the gateway said no for good: say why, in the dialog; the reserved amount is free again
  if (refund.status === "failed") throw new ActionError(`The refund was refused: ${refund.failureReason ?? "the gateway gave no reason"}.`);
  return { refundId: refund.id, status: refund.status };
}

export const refundPaymentAction = permissionAction("payments.refund", refundActionSchema, async ({ paymentId, amount, reason }, { db, actor }) => {
  const [payment] = await db.select({ currency: payments.currency }).from(payments).where(eq(payments.id, paymentId));
  if (!payment) throw new ActionError("This payment no longer exists.");
  const parsed = parseMoney(amount, payment.currency);
  if (!parsed.ok) throw new ActionError(parsed.error, { amount: [parsed.error] });
  const refund = await issueRefund(db, { paymentId, amount: parsed.minor, reason }, actor, gatewayCall);
  await notify(db, refund);
  revalidate(paymentId);
  return outcomeOf(refund);
});

export const retryRefundAction = permissionAction("payments.refund", z.object({ paymentId: z.uuid(), refundId: z.uuid() }), async ({ paymentId, refundId }, { db, actor }) => {
  const [owner] = await db.select({ paymentId: refunds.paymentId }).from(refunds).where(eq(refunds.id, refundId));
  if (owner?.paymentId !== paymentId) throw new ActionError("This refund no longer exists.");
  const refund = await retryRefund(db, refundId, actor, gatewayCall);
  await notify(db, refund);
  revalidate(paymentId);
  return outcomeOf(refund);
});

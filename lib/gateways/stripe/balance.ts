import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { payments } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { balanceTransactionSchema } from "@/lib/webhooks/stripe-objects";
import { fromStripeAmount } from "./amounts";
import { stripeClient, stripeConfigured } from "./client";

/**
 * Stores Stripe's fee and net for a succeeded payment, read from its charge's balance transaction.
 * Best effort: the payment is already settled, so any failure is logged and the fields stay empty
 * (the payment page shows "not reported"). Written once: a later call finds the fee set.
 */
export async function recordStripeFee(db: Db, paymentId: string, paymentIntentId: string): Promise<void> {
  if (!stripeConfigured()) return;
  try {
    const intent = await stripeClient().paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge.balance_transaction"] });
    const charge = intent.latest_charge;
    const balance = charge && typeof charge === "object" ? balanceTransactionSchema.safeParse(charge.balance_transaction) : null;
    if (!balance?.success) return;
    await db.transaction(async (tx) => {
      const fee = { feeAmount: fromStripeAmount(balance.data.fee), netAmount: fromStripeAmount(balance.data.net) };
      const updated = await tx
        .update(payments)
        .set(fee)
        // a fee in another (settlement) currency is not in this payment's minor units: leave it out
        .where(and(eq(payments.id, paymentId), eq(payments.currency, balance.data.currency.toUpperCase()), isNull(payments.feeAmount)))
        .returning({ id: payments.id });
      if (updated.length) await writeAudit(tx, { userId: null, label: "stripe" }, { action: "payment.fee_recorded", entityType: "payment", entityId: paymentId, after: fee });
    });
  } catch (error) {
    console.warn(`Stripe fee for payment ${paymentId} not recorded`, error);
  }
}

import { and, eq, isNull, ne, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { allocations, payments, refunds } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { isUuid } from "@/lib/customers/detail";
import { UserError } from "@/lib/errors";
import { refreshInvoiceBalance } from "@/lib/invoices/balance";
import { lockCustomerCredit } from "./credit-lock";
import { lockInvoicesInOrder } from "./invoice-checks";
import { sumMinor } from "./sql";

const reversal = alias(allocations, "reversal");
const PAYMENT_NOT_FOUND = "This payment no longer exists.";
const REASON_NEEDED = "Say why the payment is voided (at most 500 characters).";

/** A payment's allocations that no reversal has undone yet. */
export function liveAllocations(tx: Db, paymentId: string) {
  return tx
    .select()
    .from(allocations)
    .where(
      and(
        eq(allocations.paymentId, paymentId),
        isNull(allocations.reversalOfId),
        notExists(tx.select({ id: reversal.id }).from(reversal).where(eq(reversal.reversalOfId, allocations.id))),
      ),
    );
}

/**
 * Voids a recorded payment: each live allocation gets a negative reversal row, so every invoice it
 * paid is due again and its status follows. Nothing is deleted (invariant 8).
 */
export async function voidPayment(db: Db, paymentId: string, reason: string, actor: Actor): Promise<void> {
  const why = reason.trim();
  if (why === "" || why.length > 500) throw new UserError(REASON_NEEDED, { reason: [REASON_NEEDED] });
  if (!isUuid(paymentId)) throw new UserError(PAYMENT_NOT_FOUND);
  await db.transaction(async (tx) => {
    const [found] = await tx.select({ customerId: payments.customerId }).from(payments).where(eq(payments.id, paymentId));
    if (!found) throw new UserError(PAYMENT_NOT_FOUND);
    // credit can be applied from this payment meanwhile; that also takes the customer lock first
    await lockCustomerCredit(tx, found.customerId);
    const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
    if (!payment) throw new UserError(PAYMENT_NOT_FOUND);
    if (payment.status !== "succeeded") throw new UserError(`${payment.number} is already voided.`);
    const [refunded] = await tx.select({ total: sumMinor(refunds.amount) }).from(refunds).where(and(eq(refunds.paymentId, paymentId), ne(refunds.status, "failed")));
    if ((refunded?.total ?? 0n) > 0n) {
      throw new UserError(`Part of ${payment.number} was refunded to the customer, so it cannot be voided.`);
    }

    const live = await liveAllocations(tx, paymentId);
    const locked = await lockInvoicesInOrder(tx, live.map((row) => row.invoiceId));
    if (live.length > 0) {
      await tx.insert(allocations).values(
        live.map((row) => ({ invoiceId: row.invoiceId, paymentId, amount: -row.amount, reversalOfId: row.id, createdBy: actor.userId })),
      );
    }
    const voidedAt = new Date();
    await tx.update(payments).set({ status: "voided", voidedAt, voidReason: why, voidedBy: actor.userId }).where(eq(payments.id, paymentId));
    for (const invoiceId of locked.keys()) await refreshInvoiceBalance(tx, invoiceId);

    await writeAudit(tx, actor, {
      action: "payment.void",
      entityType: "payment",
      entityId: paymentId,
      before: { status: payment.status },
      after: {
        customerId: payment.customerId,
        number: payment.number,
        status: "voided",
        reason: why,
        reversed: live.map((row) => ({ invoiceId: row.invoiceId, amount: row.amount })),
      },
    });
  });
}

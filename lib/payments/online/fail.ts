import { and, eq, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { payments, type Gateway, type Payment } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { isUuid } from "@/lib/customers/detail";

/**
 * The gateway declined or the customer abandoned: pending → failed, once. A payment that already
 * succeeded (or failed) is left as it is, whatever order the gateway's events arrive in.
 */
export async function failPayment(tx: Db, paymentId: string, reason: string, actor: Actor): Promise<"applied" | "ignored"> {
  const [failed] = await tx
    .update(payments)
    .set({ status: "failed", failureReason: reason.slice(0, 500) })
    .where(and(eq(payments.id, paymentId), eq(payments.status, "pending")))
    .returning({ id: payments.id, number: payments.number });
  if (!failed) return "ignored";
  await writeAudit(tx, actor, { action: "payment.fail", entityType: "payment", entityId: paymentId, before: { status: "pending" }, after: { status: "failed", reason } });
  return "applied";
}

/** Our payment behind a gateway's Checkout Session / order id or PaymentIntent / capture id. */
export async function findPaymentByGatewayId(
  tx: Db,
  gateway: Gateway,
  ids: { checkoutId?: string | null; paymentId?: string | null },
): Promise<Payment | undefined> {
  const matches: SQL[] = [];
  if (ids.checkoutId) matches.push(eq(payments.gatewayCheckoutId, ids.checkoutId));
  if (ids.paymentId) matches.push(eq(payments.gatewayPaymentId, ids.paymentId));
  if (matches.length === 0) return undefined;
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.gateway, gateway), or(...matches)))
    .limit(1);
  return row;
}

/** Our payment by its own id, as we put it in the gateway's metadata; anything else is no match. */
export async function findPaymentById(tx: Db, id: string | null | undefined): Promise<Payment | undefined> {
  if (!id || !isUuid(id)) return undefined;
  const [row] = await tx.select().from(payments).where(eq(payments.id, id));
  return row;
}

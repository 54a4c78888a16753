import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { refunds, type Gateway } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { isUuid } from "@/lib/customers/detail";
import { UserError } from "@/lib/errors";
import { findPaymentByGatewayId } from "@/lib/payments/online/fail";
import { lockPayment } from "@/lib/payments/online/settle";
import { completeRefund, failRefund, reserveRefund } from "./ledger";

export interface GatewayRefundReport {
  gateway: Gateway;
  /** Stripe PaymentIntent / PayPal capture the refund belongs to */
  gatewayPaymentId: string;
  gatewayRefundId: string;
  /** our refund id, when we asked for the refund (Stripe metadata.refund_id) */
  refundId?: string | null;
  amount: bigint;
  currency: string;
  status: "succeeded" | "pending" | "failed";
}

export type GatewayRefundOutcome = { outcome: "applied" | "ignored" | "held"; reason?: string; refundId?: string };

/**
 * A refund the gateway reports, by webhook or in answer to our call. Ours (matched by its gateway
 * id or our id in its metadata) moves from pending to succeeded or failed; one made in the
 * gateway's dashboard is recorded once, keyed by the gateway's refund id. An unknown payment
 * throws, so the webhook answers 5xx and the gateway retries after our side has caught up.
 */
export async function recordGatewayRefund(tx: Db, report: GatewayRefundReport, actor: Actor): Promise<GatewayRefundOutcome> {
  const found = await findPaymentByGatewayId(tx, report.gateway, { paymentId: report.gatewayPaymentId });
  if (!found) throw new Error(`no ${report.gateway} payment ${report.gatewayPaymentId} for refund ${report.gatewayRefundId}`);
  const payment = await lockPayment(tx, found.id);
  if (report.currency.toUpperCase() !== payment.currency) {
    return { outcome: "held", reason: `Refund ${report.gatewayRefundId} is in ${report.currency.toUpperCase()}, but ${payment.number} is in ${payment.currency}.` };
  }

  const [ours] = await tx
    .select()
    .from(refunds)
    .where(
      report.refundId && isUuid(report.refundId)
        ? and(eq(refunds.paymentId, payment.id), eq(refunds.id, report.refundId))
        : and(eq(refunds.gateway, report.gateway), eq(refunds.gatewayRefundId, report.gatewayRefundId)),
    );
  if (ours) {
    if (ours.amount !== report.amount) return { outcome: "held", reason: `Refund ${report.gatewayRefundId} is ${report.amount}, ours is ${ours.amount}.`, refundId: ours.id };
    if (report.status === "succeeded") return { outcome: await completeRefund(tx, ours.id, report.gatewayRefundId, actor), refundId: ours.id };
    if (report.status === "failed") return { outcome: await failRefund(tx, ours.id, "The gateway reported the refund failed.", actor), refundId: ours.id };
    if (!ours.gatewayRefundId) await tx.update(refunds).set({ gatewayRefundId: report.gatewayRefundId }).where(eq(refunds.id, ours.id));
    return { outcome: "ignored", refundId: ours.id };
  }

  if (report.status === "failed") return { outcome: "ignored" };
  try {
    const refund = await reserveRefund(
      tx,
      { paymentId: payment.id, amount: report.amount, origin: "gateway", status: report.status, reason: "Refunded in the gateway's dashboard", gatewayRefundId: report.gatewayRefundId },
      actor,
    );
    return { outcome: "applied", refundId: refund.id };
  } catch (error) {
    // more refunded at the gateway than we hold as paid: a person has to look
    if (error instanceof UserError) return { outcome: "held", reason: error.message };
    throw error;
  }
}

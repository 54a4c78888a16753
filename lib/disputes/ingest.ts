import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { disputes, type Dispute, type DisputeStatus } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { findPaymentByGatewayId } from "@/lib/payments/online/fail";
import { completeRefund, refundableAmount, reserveRefund } from "@/lib/refunds/ledger";
import { DISPUTE_STATUSES, isFinalDisputeStatus } from "./status";

/** A Stripe dispute as its webhook reports it, already read into our types. */
export interface StripeDisputeReport {
  id: string;
  amount: bigint;
  /** upper case, like our currency columns */
  currency: string;
  reason: string;
  /** Stripe's status as sent; one we do not know is refused (5xx) rather than guessed */
  status: string;
  paymentIntentId: string;
  evidenceDueBy: Date | null;
}

export interface DisputeIngestResult {
  dispute: Dispute;
  created: boolean;
  /** this call moved it to lost (and took the money back), so the caller can tell people once */
  lostNow: boolean;
}

type KnownReport = StripeDisputeReport & { status: DisputeStatus };

function known(report: StripeDisputeReport): KnownReport {
  const status = DISPUTE_STATUSES.find((candidate) => candidate === report.status);
  if (!status) throw new Error(`Dispute ${report.id} has a status we do not know: ${report.status}`);
  return { ...report, status };
}

/** Inserts the case the first time its id is seen; a concurrent insert of the same id does nothing. */
async function insertIfNew(tx: Db, paymentId: string, report: KnownReport): Promise<boolean> {
  const inserted = await tx
    .insert(disputes)
    .values({
      paymentId,
      gateway: "stripe",
      gatewayDisputeId: report.id,
      currency: report.currency,
      amount: report.amount,
      reason: report.reason,
      // a case first seen already lost is opened as needing a response, then moved to lost below,
      // so the money is taken back by the same path that every other loss takes
      status: report.status === "lost" ? "needs_response" : report.status,
      evidenceDueBy: report.evidenceDueBy,
      closedAt: report.status !== "lost" && isFinalDisputeStatus(report.status) ? new Date() : null,
    })
    .onConflictDoNothing({ target: [disputes.gateway, disputes.gatewayDisputeId] })
    .returning({ id: disputes.id });
  return inserted.length > 0;
}

/**
 * The lost dispute's money goes back off the invoices, as a refund of origin "dispute" made and
 * completed at once. Capped at what is still refundable: money already refunded by staff cannot be
 * lost twice. Nothing left → no refund row, only the status changes.
 */
async function takeBackLostMoney(tx: Db, dispute: Dispute, actor: Actor): Promise<string | null> {
  const refundable = await refundableAmount(tx, dispute.paymentId);
  const amount = dispute.amount < refundable ? dispute.amount : refundable;
  if (amount <= 0n) return null;
  const refund = await reserveRefund(tx, { paymentId: dispute.paymentId, amount, reason: "Dispute lost", origin: "dispute", status: "pending" }, actor);
  await completeRefund(tx, refund.id, null, actor);
  return refund.id;
}

/**
 * Records a Stripe dispute event: creates the case once, then follows its status. A closed case
 * (won, lost, warning closed, prevented) never reopens, so a late "updated" event cannot undo a
 * close, and a second "lost" finds lost_refund_id set and takes nothing. Unknown payment → throws,
 * so the webhook answers 5xx and Stripe retries once our payment exists.
 */
export async function upsertDisputeFromStripe(tx: Db, reported: StripeDisputeReport, actor: Actor): Promise<DisputeIngestResult> {
  const report = known(reported);
  const payment = await findPaymentByGatewayId(tx, "stripe", { paymentId: report.paymentIntentId });
  if (!payment) throw new Error(`No payment for Stripe PaymentIntent ${report.paymentIntentId} (dispute ${report.id})`);

  const created = await insertIfNew(tx, payment.id, report);
  const [current] = await tx
    .select()
    .from(disputes)
    .where(and(eq(disputes.gateway, "stripe"), eq(disputes.gatewayDisputeId, report.id)))
    .for("update");
  if (!current) throw new Error(`Dispute ${report.id} vanished after its insert`);
  if (current.paymentId !== payment.id) throw new Error(`Dispute ${report.id} belongs to another payment`);

  if (created) {
    await writeAudit(tx, actor, {
      action: "dispute.open",
      entityType: "dispute",
      entityId: current.id,
      after: { paymentId: payment.id, gatewayDisputeId: report.id, amount: report.amount, currency: report.currency, reason: report.reason, status: current.status, evidenceDueBy: report.evidenceDueBy },
    });
  }

  const statusChanges = !isFinalDisputeStatus(current.status) && current.status !== report.status;
  const dueChanges = !isFinalDisputeStatus(current.status) && (report.evidenceDueBy?.getTime() ?? null) !== (current.evidenceDueBy?.getTime() ?? null);
  if (!statusChanges && !dueChanges) return { dispute: current, created, lostNow: false };

  const closing = statusChanges && isFinalDisputeStatus(report.status);
  const lostNow = statusChanges && report.status === "lost" && current.lostRefundId === null;
  const lostRefundId = lostNow ? await takeBackLostMoney(tx, current, actor) : current.lostRefundId;
  const [updated] = await tx
    .update(disputes)
    .set({
      status: statusChanges ? report.status : current.status,
      evidenceDueBy: report.evidenceDueBy,
      closedAt: closing ? new Date() : current.closedAt,
      lostRefundId,
    })
    .where(eq(disputes.id, current.id))
    .returning();
  if (!updated) throw new Error(`Dispute ${report.id} could not be updated`);
  await writeAudit(tx, actor, {
    action: lostNow ? "dispute.lost" : closing ? "dispute.close" : "dispute.update",
    entityType: "dispute",
    entityId: current.id,
    before: { status: current.status, evidenceDueBy: current.evidenceDueBy },
    after: { status: updated.status, evidenceDueBy: updated.evidenceDueBy, lostRefundId: updated.lostRefundId },
  });
  return { dispute: updated, created, lostNow };
}

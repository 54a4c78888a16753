import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { allocations, auditLog, customers, disputes, invoices, payments, refunds, users, webhookEvents, type DisputeStatus, type Payment, type Refund } from "@/db/schema";
import type { ActivityItem } from "@/lib/audit-log/activity-item";
import { isUuid } from "@/lib/customers/detail";
import { likeContains } from "@/lib/list-queries";
import { formatMoney } from "@/lib/money";
import { refundableAmount } from "@/lib/refunds/ledger";

export interface PaymentDetailAllocation {
  id: string;
  invoiceId: string;
  invoiceNumber: string | null;
  amount: bigint;
  createdAt: Date;
  /** allocation: money applied; reversal: undone by a void; refund: taken back by a refund */
  kind: "allocation" | "reversal" | "refund";
  refundId: string | null;
}

export type PaymentDetailRefund = Pick<Refund, "id" | "amount" | "currency" | "status" | "origin" | "reason" | "gateway" | "gatewayRefundId" | "failureReason" | "refundedOn" | "createdAt">;

export interface PaymentDetailDispute {
  id: string;
  status: DisputeStatus;
  amount: bigint;
  currency: string;
  reason: string;
  evidenceDueBy: Date | null;
  createdAt: Date;
}

export interface PaymentDetail {
  payment: Payment;
  customer: { id: string; displayName: string };
  invoice: { id: string; number: string | null } | null;
  createdByName: string | null;
  decidedByName: string | null;
  allocations: PaymentDetailAllocation[];
  refunds: PaymentDetailRefund[];
  disputes: PaymentDetailDispute[];
  /** what a new refund may still take: the succeeded amount less pending and succeeded refunds */
  refundable: bigint;
  /** customer credit left on it (0 unless it succeeded) */
  unallocated: bigint;
  /** newest first: created, audit rows, gateway events, refunds, disputes */
  timeline: ActivityItem[];
}

const WEBHOOK_LIMIT = 50;
const GATEWAY_NAMES: Record<string, string> = { stripe: "Stripe", paypal: "PayPal", customer: "Customer" };

/** Who an audit row names: the user, or the label of a gateway, the customer or the system. */
export function actorNameOf(name: string | null, label: string | null): string {
  return name ?? (label ? (GATEWAY_NAMES[label] ?? label) : "System");
}

// The payment's and its refunds' audit actions in words; anything else reads as its own name.
const EVENTS: Record<string, string> = {
  "payment.record": "Recorded",
  "payment.pending": "Started (pending)",
  "payment.succeed": "Succeeded",
  "payment.approve": "Approved",
  "payment.reject": "Rejected",
  "payment.fail": "Failed",
  "payment.void": "Voided",
  "refund.create": "Refund requested",
  "refund.succeed": "Refund completed",
  "refund.fail": "Refund failed",
};

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

/** One audit row of the payment or a refund in words; the refund's amount when it has one. */
export function describePaymentAudit(row: { action: string; after: unknown }, currency: string): { summary: string; detail: string | null } {
  const after = record(row.after);
  const summary = EVENTS[row.action] ?? row.action;
  const amount = text(after.amount);
  const money = amount && /^-?\d+$/.test(amount) ? formatMoney(BigInt(amount), currency) : null;
  const reason = text(after.reason) ?? text(after.voidReason) ?? text(after.rejectReason) ?? text(after.failureReason);
  const detail = [row.action.startsWith("refund.") ? money : null, reason].filter(Boolean).join(" · ");
  return { summary, detail: detail || null };
}

async function loadHead(db: Db, id: string) {
  const creator = alias(users, "creator");
  const decider = alias(users, "decider");
  const [row] = await db
    .select({
      payment: payments,
      customer: { id: customers.id, displayName: customers.displayName },
      invoice: { id: invoices.id, number: invoices.number },
      createdByName: creator.name,
      decidedByName: decider.name,
    })
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .leftJoin(invoices, eq(invoices.id, payments.invoiceId))
    .leftJoin(creator, eq(creator.id, payments.createdBy))
    .leftJoin(decider, eq(decider.id, payments.decidedBy))
    .where(eq(payments.id, id));
  return row;
}

async function loadAllocations(db: Db, paymentId: string): Promise<PaymentDetailAllocation[]> {
  const rows = await db
    .select({
      id: allocations.id,
      invoiceId: allocations.invoiceId,
      invoiceNumber: invoices.number,
      amount: allocations.amount,
      createdAt: allocations.createdAt,
      reversalOfId: allocations.reversalOfId,
      refundId: allocations.refundId,
    })
    .from(allocations)
    .innerJoin(invoices, eq(invoices.id, allocations.invoiceId))
    .where(eq(allocations.paymentId, paymentId))
    .orderBy(asc(allocations.createdAt), asc(allocations.id));
  return rows.map(({ reversalOfId, ...row }) => ({ ...row, kind: row.refundId ? "refund" : reversalOfId ? "reversal" : "allocation" }));
}

function loadRefunds(db: Db, paymentId: string): Promise<PaymentDetailRefund[]> {
  return db
    .select({
      id: refunds.id,
      amount: refunds.amount,
      currency: refunds.currency,
      status: refunds.status,
      origin: refunds.origin,
      reason: refunds.reason,
      gateway: refunds.gateway,
      gatewayRefundId: refunds.gatewayRefundId,
      failureReason: refunds.failureReason,
      refundedOn: refunds.refundedOn,
      createdAt: refunds.createdAt,
    })
    .from(refunds)
    .where(eq(refunds.paymentId, paymentId))
    .orderBy(asc(refunds.createdAt), asc(refunds.id));
}

function loadDisputes(db: Db, paymentId: string): Promise<PaymentDetailDispute[]> {
  return db
    .select({
      id: disputes.id,
      status: disputes.status,
      amount: disputes.amount,
      currency: disputes.currency,
      reason: disputes.reason,
      evidenceDueBy: disputes.evidenceDueBy,
      createdAt: disputes.createdAt,
    })
    .from(disputes)
    .where(eq(disputes.paymentId, paymentId))
    .orderBy(asc(disputes.createdAt));
}

/** Audit rows of the payment itself and of its refunds. */
async function auditItems(db: Db, payment: Payment, refundIds: string[]): Promise<ActivityItem[]> {
  const subjects: SQL[] = [and(eq(auditLog.entityType, "payment"), eq(auditLog.entityId, payment.id))!];
  if (refundIds.length) subjects.push(and(eq(auditLog.entityType, "refund"), inArray(auditLog.entityId, refundIds))!);
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.createdAt, action: auditLog.action, after: auditLog.after, actorName: users.name, actorLabel: auditLog.actorLabel })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(or(...subjects))
    .orderBy(desc(auditLog.createdAt))
    .limit(200);
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    actorName: actorNameOf(row.actorName, row.actorLabel),
    ...describePaymentAudit(row, payment.currency),
  }));
}

/**
 * Gateway events whose payload names this payment's checkout or payment id. A plain scan of the
 * payload text (no index serves it), capped; good enough until the log grows large.
 */
async function webhookItems(db: Db, payment: Payment): Promise<ActivityItem[]> {
  const ids = [payment.gatewayCheckoutId, payment.gatewayPaymentId].filter((id): id is string => Boolean(id));
  if (!payment.gateway || ids.length === 0) return [];
  const mentions = ids.map((id) => sql`${webhookEvents.payload}::text like ${likeContains(id)}`);
  const rows = await db
    .select({
      id: webhookEvents.id,
      at: webhookEvents.receivedAt,
      type: webhookEvents.type,
      outcome: webhookEvents.outcome,
      heldReason: webhookEvents.heldReason,
      error: webhookEvents.error,
    })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.gateway, payment.gateway), or(...mentions)))
    .orderBy(desc(webhookEvents.receivedAt))
    .limit(WEBHOOK_LIMIT);
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    action: `webhook.${row.type}`,
    actorName: actorNameOf(null, payment.gateway),
    summary: `Gateway event ${row.type}`,
    detail: [row.outcome ?? (row.error ? "failed" : "not processed yet"), row.heldReason, row.error].filter(Boolean).join(" · "),
  }));
}

function refundItems(list: PaymentDetailRefund[]): ActivityItem[] {
  return list.map((refund) => ({
    id: `refund-${refund.id}`,
    at: refund.createdAt,
    action: "refund",
    actorName: refund.origin === "staff" ? "Staff" : refund.origin === "dispute" ? "Dispute" : actorNameOf(null, refund.gateway),
    summary: `Refund of ${formatMoney(refund.amount, refund.currency)} (${refund.status})`,
    detail: refund.reason ?? refund.failureReason,
  }));
}

function disputeItems(list: PaymentDetailDispute[], payment: Payment): ActivityItem[] {
  return list.map((dispute) => ({
    id: `dispute-${dispute.id}`,
    at: dispute.createdAt,
    action: "dispute",
    actorName: actorNameOf(null, payment.gateway),
    summary: `Dispute opened for ${formatMoney(dispute.amount, dispute.currency)}`,
    detail: `${dispute.reason} · now ${dispute.status.replaceAll("_", " ")}`,
  }));
}

/** What the payment's net effect on invoices and credit is now. */
function unallocatedOf(payment: Payment, rows: PaymentDetailAllocation[], refundList: PaymentDetailRefund[]): bigint {
  if (payment.status !== "succeeded") return 0n;
  const allocated = rows.reduce((sum, row) => sum + row.amount, 0n);
  const refunded = refundList.filter((refund) => refund.status !== "failed").reduce((sum, refund) => sum + refund.amount, 0n);
  return payment.amount - allocated - refunded;
}

/** Everything the payment page shows; null when the id is malformed or unknown. */
export async function getPaymentDetail(db: Db, id: string): Promise<PaymentDetail | null> {
  if (!isUuid(id)) return null;
  const head = await loadHead(db, id);
  if (!head) return null;
  const { payment } = head;
  const [allocationRows, refundRows, disputeRows, refundable] = await Promise.all([
    loadAllocations(db, id),
    loadRefunds(db, id),
    loadDisputes(db, id),
    refundableAmount(db, id),
  ]);
  const [audits, events] = await Promise.all([
    auditItems(
      db,
      payment,
      refundRows.map((refund) => refund.id),
    ),
    webhookItems(db, payment),
  ]);
  const created: ActivityItem = {
    id: `created-${payment.id}`,
    at: payment.createdAt,
    action: "payment.created",
    actorName: head.createdByName ?? actorNameOf(null, payment.origin === "staff" ? null : (payment.gateway ?? "customer")),
    summary: `Created ${payment.number}`,
    detail: `${formatMoney(payment.amount, payment.currency)} · ${payment.origin === "staff" ? "recorded by staff" : payment.origin === "saved_card" ? "saved card charge" : "paid by the customer"}`,
  };
  const timeline = [created, ...audits, ...events, ...refundItems(refundRows), ...disputeItems(disputeRows, payment)].sort((a, b) => b.at.getTime() - a.at.getTime());
  return {
    payment,
    customer: head.customer,
    invoice: head.invoice?.id ? head.invoice : null,
    createdByName: head.createdByName,
    decidedByName: head.decidedByName,
    allocations: allocationRows,
    refunds: refundRows,
    disputes: disputeRows,
    refundable,
    unallocated: unallocatedOf(payment, allocationRows, refundRows),
    timeline,
  };
}

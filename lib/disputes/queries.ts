import { and, asc, count, desc, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, customers, disputeNotes, disputes, invoices, payments, users, type Dispute, type DisputeStatus } from "@/db/schema";
import type { ActivityItem } from "@/lib/audit-log/activity-item";
import { isUuid } from "@/lib/customers/detail";
import { pageOf } from "@/lib/list-queries";
import { formatMoney } from "@/lib/money";
import { actorNameOf } from "@/lib/payments/detail";
import { DISPUTE_STATUS_LABELS, DISPUTE_STATUSES, FINAL_DISPUTE_STATUSES } from "./status";

export const DISPUTES_PAGE_SIZE = 50;
const FINAL_STATUSES = [...FINAL_DISPUTE_STATUSES];

/** "open" and "closed" group the statuses; a single status narrows further. */
export type DisputeListFilter = "open" | "closed" | DisputeStatus | undefined;

export function parseDisputeFilter(value: unknown): DisputeListFilter {
  if (value === "open" || value === "closed") return value;
  return DISPUTE_STATUSES.find((status) => status === value);
}

export interface DisputeListRow {
  id: string;
  status: DisputeStatus;
  amount: bigint;
  currency: string;
  reason: string;
  evidenceDueBy: Date | null;
  evidenceSubmittedAt: Date | null;
  createdAt: Date;
  paymentId: string;
  paymentNumber: string;
  customerId: string;
  customerName: string;
}

function filterCondition(filter: DisputeListFilter): SQL | undefined {
  if (filter === "open") return notInArray(disputes.status, FINAL_STATUSES);
  if (filter === "closed") return inArray(disputes.status, FINAL_STATUSES);
  return filter ? eq(disputes.status, filter) : undefined;
}

/** Open cases first, the most urgent evidence deadline first among them, then the newest. */
export async function listDisputes(db: Db, filter: DisputeListFilter, requestedPage = 1) {
  const where = filterCondition(filter);
  const info = await pageOf(db.select({ n: count() }).from(disputes).where(where), requestedPage, DISPUTES_PAGE_SIZE);
  const closedLast = sql`(${disputes.status} in (${sql.join(FINAL_STATUSES.map((s) => sql`${s}`), sql`, `)}))`;
  const rows: DisputeListRow[] = await db
    .select({
      id: disputes.id,
      status: disputes.status,
      amount: disputes.amount,
      currency: disputes.currency,
      reason: disputes.reason,
      evidenceDueBy: disputes.evidenceDueBy,
      evidenceSubmittedAt: disputes.evidenceSubmittedAt,
      createdAt: disputes.createdAt,
      paymentId: payments.id,
      paymentNumber: payments.number,
      customerId: customers.id,
      customerName: customers.displayName,
    })
    .from(disputes)
    .innerJoin(payments, eq(payments.id, disputes.paymentId))
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(where)
    .orderBy(asc(closedLast), sql`${disputes.evidenceDueBy} asc nulls last`, desc(disputes.createdAt), desc(disputes.id))
    .limit(DISPUTES_PAGE_SIZE)
    .offset(info.offset);
  return { rows, ...info, pageSize: DISPUTES_PAGE_SIZE };
}

export interface DisputeNoteRow {
  id: string;
  body: string;
  authorName: string | null;
  createdAt: Date;
}

export interface DisputeDetail {
  dispute: Dispute;
  payment: { id: string; number: string; amount: bigint; currency: string; receivedOn: string; invoiceId: string | null; invoiceNumber: string | null };
  customer: { id: string; displayName: string };
  submittedByName: string | null;
  notes: DisputeNoteRow[];
  timeline: ActivityItem[];
}

const EVENTS: Record<string, string> = {
  "dispute.open": "Dispute opened",
  "dispute.update": "Updated by the gateway",
  "dispute.close": "Closed",
  "dispute.lost": "Lost: the amount was taken back",
  "dispute.note": "Added a note",
  "dispute.evidence": "Saved evidence",
  "dispute.submit": "Submitted evidence to Stripe",
};

function describe(row: { action: string; after: unknown }, currency: string): { summary: string; detail: string | null } {
  const after = row.after && typeof row.after === "object" ? (row.after as Record<string, unknown>) : {};
  const known = DISPUTE_STATUSES.find((candidate) => candidate === after.status);
  const status = known ? DISPUTE_STATUS_LABELS[known] : null;
  const amount = typeof after.amount === "string" && /^\d+$/.test(after.amount) ? formatMoney(BigInt(after.amount), currency) : null;
  const reason = typeof after.reason === "string" ? after.reason : null;
  const parts = row.action === "dispute.open" ? [amount, reason, status] : [status];
  const detail = parts.filter(Boolean).join(" · ");
  return { summary: EVENTS[row.action] ?? row.action, detail: detail || null };
}

async function timelineOf(db: Db, dispute: Dispute): Promise<ActivityItem[]> {
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.createdAt, action: auditLog.action, after: auditLog.after, actorName: users.name, actorLabel: auditLog.actorLabel })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, "dispute"), eq(auditLog.entityId, dispute.id)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id));
  return rows.map((row) => ({ id: row.id, at: row.at, action: row.action, actorName: actorNameOf(row.actorName, row.actorLabel), ...describe(row, dispute.currency) }));
}

/** One dispute with its payment, notes (newest first) and audit timeline; null when unknown. */
export async function getDisputeDetail(db: Db, id: string): Promise<DisputeDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      dispute: disputes,
      payment: { id: payments.id, number: payments.number, amount: payments.amount, currency: payments.currency, receivedOn: payments.receivedOn, invoiceId: payments.invoiceId },
      invoiceNumber: invoices.number,
      customer: { id: customers.id, displayName: customers.displayName },
      submittedByName: users.name,
    })
    .from(disputes)
    .innerJoin(payments, eq(payments.id, disputes.paymentId))
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .leftJoin(invoices, eq(invoices.id, payments.invoiceId))
    .leftJoin(users, eq(users.id, disputes.evidenceSubmittedBy))
    .where(eq(disputes.id, id));
  if (!row) return null;
  const [notes, timeline] = await Promise.all([
    db
      .select({ id: disputeNotes.id, body: disputeNotes.body, authorName: users.name, createdAt: disputeNotes.createdAt })
      .from(disputeNotes)
      .leftJoin(users, eq(users.id, disputeNotes.authorId))
      .where(eq(disputeNotes.disputeId, id))
      .orderBy(desc(disputeNotes.createdAt), desc(disputeNotes.id)),
    timelineOf(db, row.dispute),
  ]);
  return {
    dispute: row.dispute,
    payment: { ...row.payment, invoiceNumber: row.invoiceNumber },
    customer: row.customer,
    submittedByName: row.submittedByName,
    notes,
    timeline,
  };
}

/** The disputes still open, for a badge. */
export async function openDisputeCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(disputes).where(filterCondition("open"));
  return row?.n ?? 0;
}

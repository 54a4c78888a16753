import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { ActivityItem } from "@/lib/audit-log/activity-item";
import { isUuid } from "@/lib/customers/detail";
import { formatMoney } from "@/lib/money";

export type InvoiceActivityItem = ActivityItem;

// Each event in words, seen from the invoice's own timeline and from its customer's.
const EVENTS: Record<string, { invoice: string; customer: string }> = {
  "invoice.create": { invoice: "Created the draft", customer: "Created invoice draft" },
  "invoice.update": { invoice: "Edited the draft", customer: "Edited invoice draft" },
  "invoice.delete": { invoice: "Deleted the draft", customer: "Deleted invoice draft" },
  "invoice.duplicate": { invoice: "Created the draft as a copy", customer: "Created invoice draft as a copy" },
  "invoice.finalize": { invoice: "Finalized", customer: "Finalized invoice" },
  "invoice.email": { invoice: "Emailed", customer: "Emailed invoice" },
  "invoice.sent": { invoice: "Sent to the customer", customer: "Sent invoice" },
  "invoice.viewed": { invoice: "Viewed by the customer", customer: "Viewed invoice" },
  "invoice.uncollectible": { invoice: "Marked uncollectible", customer: "Marked invoice uncollectible" },
  "invoice.void": { invoice: "Voided", customer: "Voided invoice" },
  "invoice.partial_payment_allowed": { invoice: "Allowed partial payment", customer: "Allowed partial payment of invoice" },
  "invoice.partial_payment_disallowed": { invoice: "Asked for payment in full", customer: "Asked for payment in full of invoice" },
};

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

function total(after: Record<string, unknown>): string | null {
  const amount = text(after.total);
  const currency = text(after.currency);
  return amount !== null && /^-?\d+$/.test(amount) && currency ? `Total ${formatMoney(BigInt(amount), currency)}` : null;
}

/** One invoice audit row in words; `from` picks the invoice's or the customer's point of view. */
export function describeInvoiceEvent(row: { action: string; after: unknown }, from: "invoice" | "customer"): { summary: string; detail: string | null } {
  const after = record(row.after);
  const number = text(after.number);
  const event = EVENTS[row.action];
  const base = event ? event[from] : row.action;
  // the customer's timeline names the invoice (a draft has no number yet); the invoice's own, only its new number
  const named = number !== null && (from === "customer" || row.action === "invoice.finalize");
  const summary = named ? `${base} ${from === "invoice" ? "as " : ""}${number}` : base;
  if (row.action === "invoice.finalize") return { summary, detail: total(after) };
  if (row.action === "invoice.void") return { summary, detail: text(after.voidReason) };
  if (row.action === "invoice.duplicate") {
    const source = text(after.duplicatedFromNumber);
    return { summary, detail: source ? `Copy of ${source}` : "Copy of a draft" };
  }
  if (row.action === "invoice.create" || row.action === "invoice.update") return { summary, detail: total(after) };
  return { summary, detail: null };
}

/** The invoice's own audit rows, newest first (like the customer timeline): the detail page's timeline. */
export async function getInvoiceActivity(db: Db, invoiceId: string): Promise<InvoiceActivityItem[]> {
  if (!isUuid(invoiceId)) return [];
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      action: auditLog.action,
      after: auditLog.after,
      actorName: users.name,
      actorLabel: auditLog.actorLabel,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, "invoice"), eq(auditLog.entityId, invoiceId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id));
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    actorName: row.actorName ?? (row.actorLabel === "customer" ? "Customer" : (row.actorLabel ?? "System")),
    ...describeInvoiceEvent(row, "invoice"),
  }));
}

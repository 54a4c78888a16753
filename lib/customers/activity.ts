import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, customerNotes, invoices, paymentMethods, users } from "@/db/schema";
import type { PaymentMethodKind } from "@/db/schema/customers";
import type { ActivityItem } from "@/lib/audit-log/activity-item";
import { describeInvoiceEvent } from "@/lib/invoices/activity";
import { isUuid } from "./detail";
import { describePaymentMethod, PAYMENT_METHOD_KIND_LABELS } from "./payment-method-schemas";

export const ACTIVITY_PAGE_SIZE = 50;
export const ACTIVITY_MAX_PAGE_SIZE = 100;

export type { ActivityItem };

export interface ActivityPage {
  items: ActivityItem[];
  /** Pass as `before` for the next (older) page; null when this is the last. */
  nextBefore: string | null;
}

// In form order, so "Updated: …" lists fields the way people read the form.
const FIELD_LABELS: Record<string, string> = {
  companyName: "company name",
  firstName: "first name",
  lastName: "last name",
  email: "email",
  phone: "phone",
  secondaryEmail: "secondary email",
  secondaryPhone: "secondary phone",
  billingStreet: "billing street",
  billingCity: "billing city",
  billingRegion: "billing region",
  billingPostalCode: "billing postal code",
  billingCountry: "billing country",
  shippingStreet: "shipping street",
  shippingCity: "shipping city",
  shippingRegion: "shipping region",
  shippingPostalCode: "shipping postal code",
  shippingCountry: "shipping country",
  taxId: "tax ID",
  industry: "industry",
  website: "website",
  currency: "currency",
  paymentTerms: "payment terms",
  creditLimit: "credit limit",
  preferredPaymentMethod: "preferred payment method",
  language: "language",
  status: "status",
  tags: "tags",
  autoSendInvoices: "auto-send invoices",
  sendReminders: "send reminders",
  notes: "notes",
  metadata: "metadata",
};
// bookkeeping columns that change on every save and say nothing to a reader
const IGNORED_FIELDS = new Set(["id", "number", "displayName", "version", "createdAt", "updatedAt", "createdBy", "deletedAt"]);

const SIMPLE_SUMMARIES: Record<string, string> = {
  "customer.created": "Created",
  "customer.suspended": "Suspended",
  "customer.reactivated": "Reactivated",
  "customer.archived": "Archived",
  "customer.restored": "Restored",
  "customer.deleted": "Deleted",
  "customer_note.created": "Added a note",
  "customer_note.updated": "Edited a note",
  "customer_note.deleted": "Deleted a note",
  "payment_method.created": "Added a payment method",
  "payment_method.default_set": "Made a payment method the default",
  "payment_method.verified": "Verified a payment method",
  "payment_method.removed": "Removed a payment method",
};

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The fields whose values differ between two audit snapshots, in words and in form order. */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !IGNORED_FIELDS.has(key));
  const changed = keys.filter((key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null));
  const order = Object.keys(FIELD_LABELS);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return changed
    .sort((x, y) => rank(x) - rank(y) || x.localeCompare(y))
    .map((key) => FIELD_LABELS[key] ?? key.replace(/([A-Z])/g, " $1").toLowerCase());
}

const text = (value: unknown) => (typeof value === "string" ? value : null);
const excerpt = (value: unknown) => {
  const body = text(value);
  return body && body.length > 140 ? `${body.slice(0, 139)}…` : body;
};

function methodDetail(snapshot: unknown): string | null {
  const value = asRecord(snapshot);
  const kind = text(value.kind);
  if (!kind || !(kind in PAYMENT_METHOD_KIND_LABELS)) return null;
  return describePaymentMethod({
    kind: kind as PaymentMethodKind,
    label: text(value.label),
    bankName: text(value.bankName),
    accountLast4: text(value.accountLast4),
    walletProvider: text(value.walletProvider),
    walletPhone: text(value.walletPhone),
  });
}

/** One audit row in words. */
export function describeActivity(row: { action: string; before: unknown; after: unknown }): { summary: string; detail: string | null } {
  if (row.action === "customer.updated") {
    const fields = changedFields(row.before, row.after);
    return { summary: fields.length ? `Updated: ${fields.join(", ")}` : "Saved without changes", detail: null };
  }
  const summary = SIMPLE_SUMMARIES[row.action] ?? row.action;
  if (row.action === "customer_note.created" || row.action === "customer_note.updated") return { summary, detail: excerpt(asRecord(row.after).body) };
  if (row.action === "payment_method.removed") return { summary, detail: methodDetail(row.before) };
  if (row.action.startsWith("payment_method.")) return { summary, detail: methodDetail(row.after) };
  return { summary, detail: null };
}

function describeImport(after: unknown, customerId: string): { summary: string; detail: string | null } {
  const created = asRecord(after).createdIds;
  const wasCreated = Array.isArray(created) && created.includes(customerId);
  return { summary: wasCreated ? "Created by a CSV import" : "Updated by a CSV import", detail: null };
}

function describeRow(row: { action: string; entityType: string; before: unknown; after: unknown }, customerId: string) {
  if (row.action === "customer.imported") return describeImport(row.after, customerId);
  if (row.entityType === "invoice") return describeInvoiceEvent(row, "customer");
  return describeActivity(row);
}

/**
 * Everything that happened to one customer, newest first: its own audit rows and those of its
 * notes, payment methods and invoices (found by their ids, so the audit index serves the query).
 */
export async function listCustomerActivity(
  db: Db,
  customerId: string,
  options: { limit?: number; before?: string | null } = {},
): Promise<ActivityPage> {
  const limit = Math.min(Math.max(options.limit ?? ACTIVITY_PAGE_SIZE, 1), ACTIVITY_MAX_PAGE_SIZE);
  const noteIds = db.select({ id: sql<string>`${customerNotes.id}::text` }).from(customerNotes).where(eq(customerNotes.customerId, customerId));
  const methodIds = db.select({ id: sql<string>`${paymentMethods.id}::text` }).from(paymentMethods).where(eq(paymentMethods.customerId, customerId));
  const invoiceIds = db.select({ id: sql<string>`${invoices.id}::text` }).from(invoices).where(eq(invoices.customerId, customerId));
  const belongs = or(
    and(eq(auditLog.entityType, "customer"), eq(auditLog.entityId, customerId)),
    and(eq(auditLog.entityType, "customer_note"), inArray(auditLog.entityId, noteIds)),
    and(eq(auditLog.entityType, "payment_method"), inArray(auditLog.entityId, methodIds)),
    and(eq(auditLog.entityType, "invoice"), inArray(auditLog.entityId, invoiceIds)),
    // one audit row per import batch lists the customers it created or updated
    and(
      eq(auditLog.action, "customer.imported"),
      sql`(${auditLog.after} -> 'createdIds' @> to_jsonb(${customerId}::text) or ${auditLog.after} -> 'updatedIds' @> to_jsonb(${customerId}::text))`,
    ),
  );
  // keyset on (created_at, id) read from the cursor row itself: no precision lost through JS dates
  const older = options.before && isUuid(options.before)
    ? sql`(${auditLog.createdAt}, ${auditLog.id}) < (select c.created_at, c.id from audit_log c where c.id = ${options.before})`
    : undefined;
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      action: auditLog.action,
      entityType: auditLog.entityType,
      before: auditLog.before,
      after: auditLog.after,
      actorName: users.name,
      actorLabel: auditLog.actorLabel,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(belongs, older))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      at: row.at,
      actorName: row.actorName ?? row.actorLabel ?? "System",
      action: row.action,
      ...describeRow(row, customerId),
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, customers, invoices, payments, type Invoice, type InvoiceStatus } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { auditInvoice } from "./audit";
import { addDaysIso, todayIso } from "./dates";
import { insertDraft } from "./drafts";
import { lockInvoice } from "./lock";
import type { InvoiceDraftInput } from "./schemas";
import { isOpen, STATUS_LABELS } from "./status";
import { loadInvoiceLines } from "./stored";

/** Who a public-page view is recorded as: no user, the customer behind the link. */
export const CUSTOMER_VIEWER: Actor = { userId: null, label: "customer" };

const VOIDABLE: readonly InvoiceStatus[] = ["finalized", "sent", "viewed", "partial", "uncollectible"];

const label = (status: InvoiceStatus) => STATUS_LABELS[status].toLowerCase();

async function setInvoice(tx: Db, id: string, values: Partial<Invoice>): Promise<Invoice> {
  const [after] = await tx
    .update(invoices)
    .set({ ...values, version: sql`${invoices.version} + 1` })
    .where(eq(invoices.id, id))
    .returning();
  if (!after) throw new Error("invoices update returned no row");
  return after;
}

/** Σ succeeded payment allocations, reversals included: money the customer paid that is still on the invoice. */
async function netPaymentAllocations(tx: Db, invoiceId: string): Promise<bigint> {
  const [row] = await tx
    .select({ net: sql<string>`coalesce(sum(${allocations.amount}), 0)::text` })
    .from(allocations)
    .innerJoin(payments, eq(payments.id, allocations.paymentId))
    .where(and(eq(allocations.invoiceId, invoiceId), isNotNull(allocations.paymentId), eq(payments.status, "succeeded")));
  return BigInt(row?.net ?? "0");
}

/**
 * Voids a finalized invoice: it keeps its number (no gap) but asks for nothing. Money already
 * paid must be refunded or credited first, so a void never hides received money.
 */
export async function voidInvoice(db: Db, id: string, reason: string, actor: Actor): Promise<void> {
  const why = reason.trim();
  if (why.length < 1 || why.length > 500) {
    const message = why.length ? "Use at most 500 characters for the reason." : "Say why the invoice is voided.";
    throw new UserError(message, { reason: [message] });
  }
  await db.transaction(async (tx) => {
    const before = await lockInvoice(tx, id);
    if (before.status === "draft") throw new UserError("A draft has no number to void. Delete the draft instead.");
    if (before.status === "paid") throw new UserError("This invoice is paid. Refund or credit the payments first, then void.");
    if (!VOIDABLE.includes(before.status)) throw new UserError(`This invoice is already ${label(before.status)}.`);
    if (before.amountPaid > 0n || (await netPaymentAllocations(tx, id)) > 0n) {
      throw new UserError("This invoice has payments. Refund or credit them first, then void.");
    }
    const after = await setInvoice(tx, id, { status: "void", voidedAt: new Date(), voidReason: why });
    await auditInvoice(tx, actor, "invoice.void", after, { before, extra: { voidReason: why } });
  });
}

/** Writes off an open invoice that will not be paid; its number and amounts stay. */
export async function markUncollectible(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockInvoice(tx, id);
    if (!isOpen(before.status)) throw new UserError(`Only an open invoice can be marked uncollectible; this one is ${label(before.status)}.`);
    const after = await setInvoice(tx, id, { status: "uncollectible", uncollectibleAt: new Date() });
    await auditInvoice(tx, actor, "invoice.uncollectible", after, { before });
  });
}

/**
 * A new draft with the source's customer, lines, taxes, discount and notes, dated today and due
 * after the customer's payment terms. Taxes and products are checked as for any new draft, so a
 * rate retired since the source was issued is refused rather than copied.
 */
export async function duplicateInvoice(db: Db, id: string, actor: Actor): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    // FOR UPDATE also waits for a concurrent edit of the source draft to commit
    const source = await lockInvoice(tx, id);
    const [customer] = await tx.select({ paymentTerms: customers.paymentTerms }).from(customers).where(eq(customers.id, source.customerId));
    const lines = await loadInvoiceLines(tx, id);
    const issueDate = todayIso();
    const input: InvoiceDraftInput = {
      customerId: source.customerId,
      currency: source.currency,
      // the source's currency was chosen (and confirmed) when it was made
      confirmCurrency: true,
      issueDate,
      dueDate: addDaysIso(issueDate, customer?.paymentTerms ?? 0),
      poNumber: source.poNumber,
      templateId: source.templateId,
      discount:
        source.discountKind === "percent" && source.discountValue !== null
          ? { kind: "percent", percent: source.discountValue }
          : source.discountKind === "fixed" && source.discountValue !== null
            ? { kind: "fixed", amount: source.discountValue }
            : null,
      notes: source.notes,
      terms: source.terms,
      footer: source.footer,
      lines: lines.map((line) => ({
        productId: line.productId,
        description: line.description,
        unit: line.unit,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discountPercent: BigInt(line.discountPercent),
        taxRateIds: line.taxes.map((tax) => tax.taxRateId),
      })),
    };
    const copy = await insertDraft(tx, input, actor, { action: "invoice.duplicate", duplicatedFrom: source });
    return { id: copy.id };
  });
}

/**
 * Records that the invoice went to the customer, in the caller's transaction (the email is queued
 * there too). finalized → sent; sentAt is the first send; later statuses keep theirs.
 */
export async function markSent(tx: Db, id: string, actor: Actor): Promise<Invoice> {
  const before = await lockInvoice(tx, id);
  if (before.status === "draft") throw new UserError("Finalize the invoice before sending it.");
  const after = await setInvoice(tx, id, {
    status: before.status === "finalized" ? "sent" : before.status,
    sentAt: before.sentAt ?? new Date(),
  });
  await auditInvoice(tx, actor, "invoice.sent", after, { before });
  return after;
}

/**
 * Counts a view of the public page: the first sets viewedAt, and a finalized or sent invoice
 * becomes viewed. Under the row lock, so a payment landing at the same moment is not overwritten.
 * A draft has no public page, so its "view" records nothing.
 */
export async function recordPublicView(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockInvoice(tx, id);
    if (before.status === "draft") return;
    const after = await setInvoice(tx, id, {
      status: before.status === "finalized" || before.status === "sent" ? "viewed" : before.status,
      viewedAt: before.viewedAt ?? new Date(),
      viewCount: before.viewCount + 1,
    });
    await auditInvoice(tx, CUSTOMER_VIEWER, "invoice.viewed", after, { before, extra: { viewCount: after.viewCount } });
  });
}

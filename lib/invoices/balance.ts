import { eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, invoices, type Invoice, type InvoiceStatus } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { sumMinor } from "@/lib/payments/sql";

/** Statuses whose stored status a payment or credit never changes. */
const STATUS_KEPT: readonly InvoiceStatus[] = ["draft", "void", "uncollectible"];

/** The open status an invoice goes back to when nothing is paid: how far it got before payment. */
function unpaidStatus(invoice: Invoice): InvoiceStatus {
  if (invoice.viewedAt) return "viewed";
  if (invoice.sentAt) return "sent";
  return "finalized";
}

/**
 * Recomputes amount paid / credited / due from the allocation rows (reversals included) and moves
 * the status between finalized/sent/viewed, partial and paid. The caller holds the row lock
 * (lockInvoice, lib/invoices/lock.ts) in the same transaction. Draft, void and uncollectible keep
 * their status; their figures still follow the rows, so a reversal on an uncollectible invoice is
 * not lost.
 */
export async function refreshInvoiceBalance(tx: Db, invoiceId: string): Promise<Invoice> {
  const [current] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!current) throw new UserError("This invoice no longer exists.");
  const [sums] = await tx
    .select({
      paid: sumMinor(allocations.amount, isNotNull(allocations.paymentId)),
      credited: sumMinor(allocations.amount, isNotNull(allocations.creditNoteId)),
    })
    .from(allocations)
    .where(eq(allocations.invoiceId, invoiceId));
  const amountPaid = sums?.paid ?? 0n;
  const amountCredited = sums?.credited ?? 0n;
  const amountDue = current.total - amountCredited - amountPaid;
  if (amountDue < 0n) throw new Error(`invoice ${invoiceId}: allocations exceed its total`);

  let status = current.status;
  let paidAt = current.paidAt;
  if (!STATUS_KEPT.includes(current.status)) {
    if (amountDue === 0n && current.total > 0n) {
      status = "paid";
      paidAt = current.paidAt ?? new Date();
    } else {
      status = amountPaid > 0n ? "partial" : unpaidStatus(current);
      paidAt = null;
    }
  }
  const [updated] = await tx
    .update(invoices)
    .set({ amountPaid, amountCredited, amountDue, status, paidAt })
    .where(eq(invoices.id, invoiceId))
    .returning();
  if (!updated) throw new Error(`invoice ${invoiceId} vanished under its lock`);
  return updated;
}

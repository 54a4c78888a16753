import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { invoiceLines, invoiceLineTaxes, invoices, type Invoice } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { ConflictError, UserError } from "@/lib/errors";
import { auditInvoice } from "./audit";
import { checkDraft, type DraftReferences } from "./draft-checks";
import { draftColumns, replaceLines } from "./draft-store";
import { lockInvoice } from "./lock";
import type { InvoiceDraftInput } from "./schemas";

export type DraftSaved = { id: string; version: number };

const FINALIZED_IS_FROZEN = "This invoice is finalized, so it changes only through a credit note.";

/** Creates a draft (no number yet, invariant 2); a refusal writes nothing. */
export async function createDraft(db: Db, input: InvoiceDraftInput, actor: Actor): Promise<DraftSaved> {
  const row = await db.transaction((tx) => insertDraft(tx, input, actor, { action: "invoice.create" }));
  return { id: row.id, version: row.version };
}

/**
 * Inserts a checked draft with its lines and audits it under `action`; duplicateInvoice uses it
 * with the source's id so the copy records where it came from.
 */
export async function insertDraft(
  tx: Db,
  input: InvoiceDraftInput,
  actor: Actor,
  options: { action: string; duplicatedFrom?: Invoice },
): Promise<Invoice> {
  const checked = await checkDraft(tx, input, null);
  const [row] = await tx
    .insert(invoices)
    .values({ ...draftColumns(input, checked), duplicatedFromId: options.duplicatedFrom?.id ?? null, createdBy: actor.userId })
    .returning();
  if (!row) throw new Error("invoices insert returned no row");
  await replaceLines(tx, row.id, input, checked);
  const source = options.duplicatedFrom;
  await auditInvoice(tx, actor, options.action, row, {
    extra: { lineCount: input.lines.length, ...(source ? { duplicatedFromId: source.id, duplicatedFromNumber: source.number } : {}) },
  });
  return row;
}

/**
 * Saves an edit made from `version` and replaces every line. Only drafts change; an edit that
 * started before someone else's save is refused with a conflict instead of overwriting it.
 */
export async function updateDraft(db: Db, id: string, version: number, input: InvoiceDraftInput, actor: Actor): Promise<DraftSaved> {
  return db.transaction(async (tx) => {
    const before = await lockInvoice(tx, id);
    if (before.status !== "draft") throw new UserError(FINALIZED_IS_FROZEN);
    if (before.version !== version) throw new ConflictError("This invoice");
    const checked = await checkDraft(tx, input, await draftReferences(tx, before));
    const [after] = await tx
      .update(invoices)
      .set({ ...draftColumns(input, checked), version: sql`${invoices.version} + 1` })
      .where(eq(invoices.id, id))
      .returning();
    if (!after) throw new Error("invoices update returned no row");
    await replaceLines(tx, id, input, checked);
    await auditInvoice(tx, actor, "invoice.update", after, { before, extra: { lineCount: input.lines.length } });
    return { id, version: after.version };
  });
}

/** Soft-deletes a draft. A finalized invoice has a number in the books, so it is voided instead. */
export async function deleteDraft(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockInvoice(tx, id);
    if (before.status !== "draft") throw new UserError("Only drafts can be deleted. This invoice is finalized: void it instead.");
    const [after] = await tx
      .update(invoices)
      .set({ deletedAt: new Date(), version: sql`${invoices.version} + 1` })
      .where(eq(invoices.id, id))
      .returning();
    if (!after) throw new Error("invoices update returned no row");
    await auditInvoice(tx, actor, "invoice.delete", after, { before });
  });
}

async function draftReferences(tx: Db, draft: Invoice): Promise<DraftReferences> {
  const rows = await tx
    .select({ productId: invoiceLines.productId, taxRateId: invoiceLineTaxes.taxRateId })
    .from(invoiceLines)
    .leftJoin(invoiceLineTaxes, eq(invoiceLineTaxes.lineId, invoiceLines.id))
    .where(eq(invoiceLines.invoiceId, draft.id));
  return {
    customerId: draft.customerId,
    currency: draft.currency,
    templateId: draft.templateId,
    productIds: new Set(rows.flatMap((row) => (row.productId ? [row.productId] : []))),
    taxRateIds: new Set(rows.flatMap((row) => (row.taxRateId ? [row.taxRateId] : []))),
  };
}

import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { invoiceTemplates, type InvoiceTemplate } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import type { TemplateInput, UpdateTemplateInput } from "./schemas";

const ENTITY = "invoice_template";

// Serialises changes of which template is the default: without it, two "make default" calls
// racing from different old defaults would both pass and the second would hit the unique index.
const DEFAULT_LOCK = 7_431_911;

async function lockDefaultChoice(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${DEFAULT_LOCK})`);
}

/** The live (not deleted) template, locked FOR UPDATE until the transaction ends. */
async function lockTemplate(tx: Db, id: string): Promise<InvoiceTemplate> {
  const [row] = await tx
    .select()
    .from(invoiceTemplates)
    .where(and(eq(invoiceTemplates.id, id), isNull(invoiceTemplates.deletedAt)))
    .for("update");
  if (!row) throw new UserError("That template no longer exists.");
  return row;
}

/** Creates a template. The first live template becomes the default, so new invoices always have one. */
export async function createTemplate(db: Db, input: TemplateInput, actor: Actor): Promise<InvoiceTemplate> {
  return db.transaction(async (tx) => {
    await lockDefaultChoice(tx);
    const [existing] = await tx
      .select({ id: invoiceTemplates.id })
      .from(invoiceTemplates)
      .where(and(eq(invoiceTemplates.isDefault, true), isNull(invoiceTemplates.deletedAt)))
      .limit(1);
    const [row] = await tx
      .insert(invoiceTemplates)
      .values({ ...input, isDefault: !existing, createdBy: actor.userId })
      .returning();
    if (!row) throw new Error("invoice_templates insert returned no row");
    await writeAudit(tx, actor, { action: `${ENTITY}.created`, entityType: ENTITY, entityId: row.id, after: row });
    return row;
  });
}

/** Saves an edit; the last save wins (a template is a layout, not money). Invoices that point to it show the new look. */
export async function updateTemplate(db: Db, input: UpdateTemplateInput, actor: Actor): Promise<InvoiceTemplate> {
  const { id, ...changes } = input;
  return db.transaction(async (tx) => {
    const before = await lockTemplate(tx, id);
    const [after] = await tx.update(invoiceTemplates).set(changes).where(eq(invoiceTemplates.id, id)).returning();
    if (!after) throw new Error("invoice_templates update returned no row");
    await writeAudit(tx, actor, { action: `${ENTITY}.updated`, entityType: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Soft delete (invoices keep pointing at it). The default stays until another template takes its place. */
export async function deleteTemplate(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockTemplate(tx, id);
    if (before.isDefault) throw new UserError(`${before.name} is the default template. Make another template the default first, then delete this one.`);
    const [after] = await tx.update(invoiceTemplates).set({ deletedAt: new Date() }).where(eq(invoiceTemplates.id, id)).returning();
    await writeAudit(tx, actor, { action: `${ENTITY}.deleted`, entityType: ENTITY, entityId: id, before, after });
  });
}

/** Makes `id` the default in one transaction: the old default is cleared first (the partial unique index allows one). */
export async function setDefaultTemplate(db: Db, id: string, actor: Actor): Promise<InvoiceTemplate> {
  return db.transaction(async (tx) => {
    await lockDefaultChoice(tx);
    const target = await lockTemplate(tx, id);
    if (target.isDefault) return target;
    const cleared = await tx
      .update(invoiceTemplates)
      .set({ isDefault: false })
      .where(and(eq(invoiceTemplates.isDefault, true), isNull(invoiceTemplates.deletedAt)))
      .returning({ id: invoiceTemplates.id, name: invoiceTemplates.name });
    const [after] = await tx.update(invoiceTemplates).set({ isDefault: true }).where(eq(invoiceTemplates.id, id)).returning();
    if (!after) throw new Error("invoice_templates update returned no row");
    await writeAudit(tx, actor, {
      action: `${ENTITY}.made_default`,
      entityType: ENTITY,
      entityId: id,
      before: { isDefault: false, previousDefault: cleared[0] ?? null },
      after: { isDefault: true },
    });
    return after;
  });
}

import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { taxRates } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { writeAudit, type Actor } from "@/lib/audit";
import { taxRateColumns, type TaxRateRow } from "./queries";
import type { SetTaxRateActiveInput, TaxRateInput, UpdateTaxRateInput } from "./schemas";

const NOT_FOUND = "That tax rate no longer exists.";

export async function createTaxRate(db: Db, input: TaxRateInput, actor: Actor): Promise<ActionResult<TaxRateRow>> {
  return db.transaction(async (tx) => {
    const [after] = await tx.insert(taxRates).values(input).returning(taxRateColumns);
    if (!after) throw new Error("tax_rates insert returned no row");
    await writeAudit(tx, actor, { action: "tax_rate.created", entityType: "tax_rate", entityId: after.id, after });
    return { ok: true, data: after };
  });
}

/** Edits name, percent, country and the compound flag. Invoices keep the percent they were issued with. */
export async function updateTaxRate(db: Db, input: UpdateTaxRateInput, actor: Actor): Promise<ActionResult<TaxRateRow>> {
  const { id, ...changes } = input;
  return db.transaction(async (tx) => {
    const [before] = await tx.select(taxRateColumns).from(taxRates).where(eq(taxRates.id, id)).for("update");
    if (!before) return { ok: false, error: NOT_FOUND };
    const [after] = await tx.update(taxRates).set(changes).where(eq(taxRates.id, id)).returning(taxRateColumns);
    if (!after) return { ok: false, error: NOT_FOUND };
    await writeAudit(tx, actor, { action: "tax_rate.updated", entityType: "tax_rate", entityId: id, before, after });
    return { ok: true, data: after };
  });
}

/** Rates are never deleted (documents refer to them); deactivating hides them from new documents. */
export async function setTaxRateActive(db: Db, input: SetTaxRateActiveInput, actor: Actor): Promise<ActionResult<TaxRateRow>> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select(taxRateColumns).from(taxRates).where(eq(taxRates.id, input.id)).for("update");
    if (!before) return { ok: false, error: NOT_FOUND };
    if (before.active === input.active) return { ok: true, data: before };
    const [after] = await tx.update(taxRates).set({ active: input.active }).where(eq(taxRates.id, input.id)).returning(taxRateColumns);
    if (!after) return { ok: false, error: NOT_FOUND };
    await writeAudit(tx, actor, {
      action: input.active ? "tax_rate.activated" : "tax_rate.deactivated",
      entityType: "tax_rate",
      entityId: input.id,
      before,
      after,
    });
    return { ok: true, data: after };
  });
}

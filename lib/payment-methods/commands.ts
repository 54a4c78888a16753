import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { paymentMethodConfigs, type PaymentMethodConfig } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import type { PaymentMethodConfigInput } from "./schemas";

const ENTITY = "payment_method_config";
const NOT_FOUND = "That payment method no longer exists.";

async function lockConfig(tx: Db, id: string): Promise<PaymentMethodConfig> {
  const [row] = await tx.select().from(paymentMethodConfigs).where(eq(paymentMethodConfigs.id, id)).for("update");
  if (!row) throw new UserError(NOT_FOUND);
  return row;
}

/** A new config goes to the end of the list. */
export async function createPaymentMethodConfig(db: Db, input: PaymentMethodConfigInput, actor: Actor): Promise<PaymentMethodConfig> {
  return db.transaction(async (tx) => {
    const [last] = await tx.select({ max: sql<number | null>`max(${paymentMethodConfigs.sortOrder})` }).from(paymentMethodConfigs);
    const sortOrder = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
    const [after] = await tx
      .insert(paymentMethodConfigs)
      .values({ ...input, sortOrder })
      .returning();
    if (!after) throw new Error("payment_method_configs insert returned no row");
    await writeAudit(tx, actor, { action: "payment_method_config.created", entityType: ENTITY, entityId: after.id, after });
    return after;
  });
}

export async function updatePaymentMethodConfig(db: Db, id: string, input: PaymentMethodConfigInput, actor: Actor): Promise<PaymentMethodConfig> {
  return db.transaction(async (tx) => {
    const before = await lockConfig(tx, id);
    const [after] = await tx.update(paymentMethodConfigs).set(input).where(eq(paymentMethodConfigs.id, id)).returning();
    if (!after) throw new UserError(NOT_FOUND);
    await writeAudit(tx, actor, { action: "payment_method_config.updated", entityType: ENTITY, entityId: id, before, after });
    return after;
  });
}

/**
 * Payments keep a reference to the config they were made with, so a config is never deleted:
 * disabling it takes it off every public page at once.
 */
export async function setPaymentMethodEnabled(db: Db, id: string, enabled: boolean, actor: Actor): Promise<PaymentMethodConfig> {
  return db.transaction(async (tx) => {
    const before = await lockConfig(tx, id);
    if (before.enabled === enabled) return before;
    const [after] = await tx.update(paymentMethodConfigs).set({ enabled }).where(eq(paymentMethodConfigs.id, id)).returning();
    if (!after) throw new UserError(NOT_FOUND);
    await writeAudit(tx, actor, {
      action: enabled ? "payment_method_config.enabled" : "payment_method_config.disabled",
      entityType: ENTITY,
      entityId: id,
      before: { enabled: before.enabled },
      after: { enabled },
    });
    return after;
  });
}

/**
 * Sets sortOrder 0..n-1 in the given order. The list must name every config exactly once, so a
 * page that was stale (someone added one meanwhile) is refused rather than half applied.
 */
export async function reorderPaymentMethodConfigs(db: Db, ids: string[], actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.select({ id: paymentMethodConfigs.id, sortOrder: paymentMethodConfigs.sortOrder }).from(paymentMethodConfigs).for("update");
    const known = new Set(rows.map((row) => row.id));
    if (new Set(ids).size !== ids.length || ids.length !== rows.length || !ids.every((id) => known.has(id))) {
      throw new UserError("The list of payment methods changed meanwhile. Reload the page and try again.");
    }
    const before = Object.fromEntries(rows.map((row) => [row.id, row.sortOrder]));
    const changed = ids.map((id, index) => ({ id, index })).filter(({ id, index }) => before[id] !== index);
    if (changed.length === 0) return;
    for (const { id, index } of changed) {
      await tx.update(paymentMethodConfigs).set({ sortOrder: index }).where(eq(paymentMethodConfigs.id, id));
    }
    await writeAudit(tx, actor, {
      action: "payment_method_config.reordered",
      entityType: ENTITY,
      entityId: null,
      before: ids.map((id) => ({ id, sortOrder: before[id] })),
      after: ids.map((id, index) => ({ id, sortOrder: index })),
    });
  });
}

import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { products, taxRates, type Product } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { ConflictError, UserError } from "@/lib/errors";
import type { ProductInput } from "./schemas";

const DUPLICATE_SKU = "Another product already has this SKU.";

/** Creates a product; the audit row commits with it. */
export async function createProduct(db: Db, input: ProductInput, actor: Actor): Promise<Product> {
  return refuseDuplicateSku(() =>
    db.transaction(async (tx) => {
      await checkReferences(tx, input, null);
      const [row] = await tx
        .insert(products)
        .values({ ...input, createdBy: actor.userId })
        .returning();
      if (!row) throw new Error("products insert returned no row");
      await writeAudit(tx, actor, { action: "product.created", entityType: "product", entityId: row.id, after: row });
      return row;
    }),
  );
}

/**
 * Saves an edit made from `version`. If someone saved in between, the version no longer matches
 * and the edit is refused with a conflict instead of silently overwriting their change.
 */
export async function updateProduct(db: Db, id: string, version: number, input: ProductInput, actor: Actor): Promise<Product> {
  return refuseDuplicateSku(() =>
    db.transaction(async (tx) => {
      const before = await lockProduct(tx, id);
      if (before.version !== version) throw new ConflictError(before.name);
      await checkReferences(tx, input, before);
      const [after] = await tx
        .update(products)
        .set({ ...input, version: sql`${products.version} + 1` })
        .where(eq(products.id, id))
        .returning();
      if (!after) throw new Error("products update returned no row");
      await writeAudit(tx, actor, { action: "product.updated", entityType: "product", entityId: id, before, after });
      return after;
    }),
  );
}

/** Inactive products stay on the invoices that used them but are no longer offered in the editor. */
export async function setProductActive(db: Db, id: string, active: boolean, actor: Actor): Promise<Product> {
  return db.transaction(async (tx) => {
    const before = await lockProduct(tx, id);
    if (before.active === active) return before;
    const [after] = await tx
      .update(products)
      .set({ active, version: sql`${products.version} + 1` })
      .where(eq(products.id, id))
      .returning();
    if (!after) throw new Error("products update returned no row");
    await writeAudit(tx, actor, {
      action: active ? "product.activated" : "product.deactivated",
      entityType: "product",
      entityId: id,
      before: { active: before.active },
      after: { active },
    });
    return after;
  });
}

/** Soft delete: the row and its history stay; the list and the picker no longer show it, and its SKU is free again. */
export async function deleteProduct(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockProduct(tx, id);
    await tx
      .update(products)
      .set({ deletedAt: new Date(), version: sql`${products.version} + 1` })
      .where(eq(products.id, id));
    await writeAudit(tx, actor, { action: "product.deleted", entityType: "product", entityId: id, before: { sku: before.sku, name: before.name } });
  });
}

/** The live (not deleted) product, locked FOR UPDATE until the transaction ends. */
export async function lockProduct(tx: Db, id: string): Promise<Product> {
  const [row] = await tx
    .select()
    .from(products)
    .where(and(eq(products.id, id), isNull(products.deletedAt)))
    .for("update");
  if (!row) throw new UserError("That product no longer exists.");
  return row;
}

/**
 * The tax rate must exist and be active (a retired rate may stay on a product that already had
 * it); the SKU must be free among live products. Field errors, so the form shows them in place.
 */
async function checkReferences(tx: Db, input: ProductInput, current: Product | null): Promise<void> {
  if (input.defaultTaxRateId && input.defaultTaxRateId !== current?.defaultTaxRateId) {
    const [rate] = await tx.select({ active: taxRates.active }).from(taxRates).where(eq(taxRates.id, input.defaultTaxRateId));
    if (!rate) throw new UserError("Check the highlighted fields.", { defaultTaxRateId: ["That tax rate does not exist."] });
    if (!rate.active) throw new UserError("Check the highlighted fields.", { defaultTaxRateId: ["That tax rate is inactive; choose another."] });
  }
  if (input.sku) {
    const conditions = [isNull(products.deletedAt), sql`lower(${products.sku}) = lower(${input.sku})`];
    if (current) conditions.push(ne(products.id, current.id));
    const [clash] = await tx.select({ id: products.id }).from(products).where(and(...conditions)).limit(1);
    if (clash) throw new UserError("Check the highlighted fields.", { sku: [DUPLICATE_SKU] });
  }
}

/** Two saves racing for one SKU: the unique index refuses the second; say so as a field error. */
async function refuseDuplicateSku<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isSkuConflict(error)) throw new UserError("Check the highlighted fields.", { sku: [DUPLICATE_SKU] });
    throw error;
  }
}

/** A unique violation of products_sku_key, as either driver reports it (possibly wrapped by drizzle). */
export function isSkuConflict(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint, constraint_name: constraintName } = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (code === "23505" && (constraint ?? constraintName) === "products_sku_key") return true;
  }
  return false;
}

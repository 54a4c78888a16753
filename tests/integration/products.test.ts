import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, products, taxRates, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { ConflictError, UserError } from "@/lib/errors";
import { createProduct, deleteProduct, isSkuConflict, setProductActive, updateProduct } from "@/lib/products/commands";
import { parseProductListParams } from "@/lib/products/list-params";
import { defaultProductCurrency, listProducts, searchProductsForPicker } from "@/lib/products/queries";
import { productInputSchema, type ProductFormValues, type ProductInput } from "@/lib/products/schemas";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
let actor: Actor;
let vatId: string;

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  const [finance] = await db.select({ id: users.id }).from(users).where(eq(users.role, "finance"));
  actor = { userId: finance!.id, label: "finance@demo.cleanpay.test" };
  const [vat] = await db.select({ id: taxRates.id }).from(taxRates).where(eq(taxRates.name, "VAT 16%"));
  vatId = vat!.id;
});

const blank: ProductFormValues = { name: "", sku: "", description: "", unit: "", unitPrice: "0", currency: "USD", defaultTaxRateId: "" };
const input = (values: Partial<ProductFormValues>): ProductInput => productInputSchema.parse({ ...blank, ...values });
const create = (values: Partial<ProductFormValues>) => createProduct(db, input(values), actor);

async function counts() {
  const [productRows] = await db.select({ n: count() }).from(products);
  const [auditRows] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, "product"));
  return { products: productRows?.n, audit: auditRows?.n };
}

/** The refusal's field errors (a UserError), or a failure if it was anything else. */
async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]> | undefined> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).fieldErrors;
}

describe("creating products", () => {
  it("stores prices in minor units of USD, JPY and KWD and audits the creation", async () => {
    const usd = await create({ name: "Consulting", sku: "CONS-1", unit: "hour", unitPrice: "1,234.50", currency: "USD", defaultTaxRateId: vatId });
    const jpy = await create({ name: "Tatami mat", unitPrice: "1,500", currency: "JPY", unit: "piece" });
    const kwd = await create({ name: "Dinar service", unitPrice: "12.345", currency: "KWD" });
    expect([usd.unitPrice, jpy.unitPrice, kwd.unitPrice]).toEqual([123450n, 1500n, 12345n]);
    expect(usd).toMatchObject({ sku: "CONS-1", unit: "hour", currency: "USD", defaultTaxRateId: vatId, active: true, version: 1, createdBy: actor.userId, deletedAt: null });

    const [stored] = await db.select({ unitPrice: products.unitPrice }).from(products).where(eq(products.id, kwd.id));
    expect(stored?.unitPrice).toBe(12345n);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, usd.id), eq(auditLog.action, "product.created")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "product", actorId: actor.userId });
    expect(audit[0]?.after).toMatchObject({ name: "Consulting", unitPrice: "123450", currency: "USD" });
  });

  it("starts new products in the company's default currency", async () => {
    expect(await defaultProductCurrency(db)).toBe("USD");
  });

  it("refuses bad input with a field error and writes nothing", async () => {
    const before = await counts();
    const schemaCases: [Partial<ProductFormValues>, string][] = [
      [{ name: "Negative", unitPrice: "-10.00" }, "unitPrice"],
      [{ name: "Too precise", unitPrice: "10.001", currency: "USD" }, "unitPrice"],
      [{ name: "Bad currency", currency: "XYZ" }, "currency"],
      [{ name: "" }, "name"],
      [{ name: "x".repeat(10_240) }, "name"],
    ];
    for (const [values, field] of schemaCases) {
      const result = productInputSchema.safeParse({ ...blank, ...values });
      expect(result.error?.issues.map((issue) => issue.path.join(".")), field).toContain(field);
    }

    await create({ name: "Existing", sku: "DUP-1" });
    const afterFirst = await counts();
    expect(await fieldErrorsOf(create({ name: "Unknown rate", defaultTaxRateId: "6f1c2f5e-8f53-4a39-9a51-2b1f3d0c9e11" }))).toHaveProperty("defaultTaxRateId");
    // SKUs are unique case-insensitively
    expect(await fieldErrorsOf(create({ name: "Duplicate", sku: "dup-1" }))).toHaveProperty("sku");
    expect(await counts()).toEqual(afterFirst);
    expect(afterFirst).toEqual({ products: before.products! + 1, audit: before.audit! + 1 });

    // the database refuses what the schema would have: a negative price or a bad currency slipped past it
    await expect(createProduct(db, { ...input({ name: "Bypass" }), unitPrice: -1n }, actor)).rejects.toThrow();
    await expect(createProduct(db, { ...input({ name: "Bypass" }), currency: "usd" }, actor)).rejects.toThrow();
    expect(await counts()).toEqual(afterFirst);
  });

  it("lets only one of two racing creations take a SKU", async () => {
    const results = await Promise.allSettled([create({ name: "Race A", sku: "RACE-1" }), create({ name: "Race B", sku: "RACE-1" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(UserError);
    expect((rejected?.reason as UserError).fieldErrors).toHaveProperty("sku");
  });

  it("recognises the unique index's refusal on this driver", async () => {
    await create({ name: "Indexed", sku: "IDX-1" });
    const error: unknown = await db
      .insert(products)
      .values({ name: "Sneaked in", sku: "idx-1", unitPrice: 0n, currency: "USD" })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).not.toBeNull();
    expect(isSkuConflict(error)).toBe(true);
    expect(isSkuConflict(new Error("other"))).toBe(false);
  });

  it("refuses an inactive tax rate for a new product", async () => {
    const [retired] = await db.insert(taxRates).values({ name: "Retired 5%", percent: "5.000", active: false }).returning({ id: taxRates.id });
    expect(await fieldErrorsOf(create({ name: "Retired rate", defaultTaxRateId: retired!.id }))).toHaveProperty("defaultTaxRateId");
  });
});

describe("editing products", () => {
  it("refuses an edit made from a stale version and keeps the first one", async () => {
    const product = await create({ name: "Desk", sku: "DESK", unitPrice: "100" });
    const first = await updateProduct(db, product.id, 1, input({ name: "Standing desk", sku: "DESK", unitPrice: "150" }), actor);
    expect(first).toMatchObject({ version: 2, name: "Standing desk", unitPrice: 15000n });

    await expect(updateProduct(db, product.id, 1, input({ name: "Old desk", unitPrice: "90" }), actor)).rejects.toBeInstanceOf(ConflictError);
    const [row] = await db.select({ name: products.name, unitPrice: products.unitPrice, version: products.version }).from(products).where(eq(products.id, product.id));
    expect(row).toEqual({ name: "Standing desk", unitPrice: 15000n, version: 2 });
    const audit = await db.select({ before: auditLog.before, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.entityId, product.id), eq(auditLog.action, "product.updated")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ name: "Desk", unitPrice: "10000" });
    expect(audit[0]?.after).toMatchObject({ name: "Standing desk", unitPrice: "15000" });
  });

  it("refuses taking another product's SKU on edit", async () => {
    await create({ name: "Chair", sku: "CHAIR" });
    const lamp = await create({ name: "Lamp", sku: "LAMP" });
    expect(await fieldErrorsOf(updateProduct(db, lamp.id, 1, input({ name: "Lamp", sku: "chair" }), actor))).toHaveProperty("sku");
    const [row] = await db.select({ sku: products.sku, version: products.version }).from(products).where(eq(products.id, lamp.id));
    expect(row).toEqual({ sku: "LAMP", version: 1 });
  });

  it("deactivates and activates, auditing each change once", async () => {
    const product = await create({ name: "Toggle me" });
    expect((await setProductActive(db, product.id, false, actor)).active).toBe(false);
    // a repeat changes nothing and writes no second audit row
    await setProductActive(db, product.id, false, actor);
    expect((await setProductActive(db, product.id, true, actor)).active).toBe(true);
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, product.id)).orderBy(auditLog.createdAt);
    expect(actions.map((a) => a.action).sort()).toEqual(["product.activated", "product.created", "product.deactivated"]);
  });
});

describe("listing, picking and deleting", () => {
  const list = (params: Record<string, string>) => listProducts(db, parseProductListParams(params));

  it("searches name, SKU and description and filters by status and currency", async () => {
    await create({ name: "Walnut shelf", sku: "SHELF-W", description: "Solid hardwood", unitPrice: "80" });
    const inactive = await create({ name: "Oak shelf", sku: "SHELF-O", unitPrice: "60" });
    await setProductActive(db, inactive.id, false, actor);
    await create({ name: "Shelf bracket", unitPrice: "300", currency: "JPY", defaultTaxRateId: vatId });

    expect((await list({ q: "shelf" })).rows.map((r) => r.name)).toEqual(["Oak shelf", "Shelf bracket", "Walnut shelf"]);
    expect((await list({ q: "hardwood" })).rows.map((r) => r.name)).toEqual(["Walnut shelf"]);
    expect((await list({ q: "shelf-o" })).rows.map((r) => r.name)).toEqual(["Oak shelf"]);
    expect((await list({ q: "shelf", status: "inactive" })).rows.map((r) => r.name)).toEqual(["Oak shelf"]);
    expect((await list({ q: "shelf", status: "active" })).rows.map((r) => r.name)).toEqual(["Shelf bracket", "Walnut shelf"]);
    const jpy = await list({ q: "shelf", currency: "JPY" });
    expect(jpy.rows).toHaveLength(1);
    expect(jpy.rows[0]).toMatchObject({ name: "Shelf bracket", unitPrice: 300n, taxRateName: "VAT 16%" });
    // a literal % is searched for, not used as a wildcard
    expect((await list({ q: "%" })).total).toBe(0);
  });

  it("sorts by price and pages, showing the last page when asked past the end", async () => {
    const byPrice = await list({ sort: "price", currency: "USD", q: "shelf" });
    expect(byPrice.rows.map((r) => r.unitPrice)).toEqual([6000n, 8000n]);
    const desc = await list({ sort: "price", dir: "desc", currency: "USD", q: "shelf" });
    expect(desc.rows.map((r) => r.unitPrice)).toEqual([8000n, 6000n]);

    await Promise.all(Array.from({ length: 30 }, (_, i) => create({ name: `Bulk ${String(i).padStart(2, "0")}`, unitPrice: String(i) })));
    const page2 = await list({ q: "bulk", page: "2" });
    expect(page2).toMatchObject({ total: 30, page: 2, pageCount: 2 });
    expect(page2.rows.map((r) => r.name)).toEqual(["Bulk 25", "Bulk 26", "Bulk 27", "Bulk 28", "Bulk 29"]);
    expect((await list({ q: "bulk", page: "9" })).page).toBe(2);
    const newest = await list({ q: "bulk", sort: "created" });
    expect(newest.rows).toHaveLength(25);
  });

  it("picks at most 10 active products, prefix matches on name or SKU first", async () => {
    await create({ name: "Premium support", sku: "SUP-PREM", unitPrice: "500" });
    await create({ name: "Basic support", sku: "SUP-BASIC", unitPrice: "100" });
    await create({ name: "Support hours", sku: "HRS", unitPrice: "50" });
    await create({ name: "Onboarding", sku: "SUPPORT-ONB", unitPrice: "900" });
    const retired = await create({ name: "Support legacy", unitPrice: "10" });
    await setProductActive(db, retired.id, false, actor);
    await create({ name: "Support in yen", unitPrice: "5000", currency: "JPY" });

    const picked = await searchProductsForPicker(db, "sup", "USD");
    // prefix group (name "Support…" or SKU "SUP…"), by name; then "contains" matches
    expect(picked.map((p) => p.name)).toEqual(["Basic support", "Onboarding", "Premium support", "Support hours"]);
    const names = (await searchProductsForPicker(db, "support")).map((p) => p.name);
    expect(names.slice(0, 3)).toEqual(["Onboarding", "Support hours", "Support in yen"]);
    expect(names.slice(3).sort()).toEqual(["Basic support", "Premium support"]);
    expect(names).not.toContain("Support legacy");

    expect(await searchProductsForPicker(db, "bulk")).toHaveLength(10);
    expect((await searchProductsForPicker(db, "")).every((p) => typeof p.unitPrice === "bigint")).toBe(true);
    expect(await searchProductsForPicker(db, "%_")).toEqual([]);
  });

  it("hides a deleted product from the list and the picker, audits it, and frees its SKU", async () => {
    const product = await create({ name: "Zebra print", sku: "ZEBRA", unitPrice: "5" });
    expect((await list({ q: "zebra" })).total).toBe(1);
    await deleteProduct(db, product.id, actor);
    expect((await list({ q: "zebra" })).total).toBe(0);
    expect(await searchProductsForPicker(db, "zebra")).toEqual([]);

    const [row] = await db.select({ deletedAt: products.deletedAt }).from(products).where(eq(products.id, product.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    const audit = await db.select({ actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.entityId, product.id), eq(auditLog.action, "product.deleted")));
    expect(audit).toEqual([{ actorId: actor.userId }]);

    await expect(setProductActive(db, product.id, true, actor)).rejects.toBeInstanceOf(UserError);
    await expect(updateProduct(db, product.id, 2, input({ name: "Zebra" }), actor)).rejects.toBeInstanceOf(UserError);
    const again = await create({ name: "Zebra print v2", sku: "zebra" });
    expect(again.sku).toBe("zebra");
  });
});

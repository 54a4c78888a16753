import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, taxRates } from "@/db/schema";
import { createTaxRate, setTaxRateActive, updateTaxRate } from "@/lib/tax-rates/commands";
import { listTaxRates } from "@/lib/tax-rates/queries";
import { taxRateFieldsSchema, updateTaxRateSchema } from "@/lib/tax-rates/schemas";
import { createTestDatabase } from "../helpers/db";
import { actorFor, rowCounts } from "./admin-fixtures";

const { db } = await createTestDatabase();
const actor = actorFor(null, "admin@example.test");

async function auditsFor(entityId: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.entityType, "tax_rate"), eq(auditLog.entityId, entityId))).orderBy(auditLog.createdAt);
}

describe("tax rates", () => {
  it.each([
    ["16", "16.000"],
    ["8.875", "8.875"],
  ])("creates a rate of %s%% stored exactly as %s, audited", async (percent, stored) => {
    const result = await createTaxRate(db, taxRateFieldsSchema.parse({ name: `Rate ${percent}`, percent, country: "us", compound: false }), actor);
    if (!result.ok) throw new Error(result.error);
    const [row] = await db.select().from(taxRates).where(eq(taxRates.id, result.data.id));
    expect(row).toMatchObject({ percent: stored, country: "US", active: true });
    const [audit] = await auditsFor(result.data.id);
    expect(audit).toMatchObject({ action: "tax_rate.created", before: null, after: { percent: stored, country: "US" } });
  });

  it.each(["8.8755", "-1", "101", "abc"])("refuses a percent of %j before anything is written", async (percent) => {
    const counts = await rowCounts(db);
    const parsed = taxRateFieldsSchema.safeParse({ name: "Bad", percent, country: "", compound: false });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["percent"]);
    expect(await rowCounts(db)).toEqual(counts);
  });

  it("edits a rate with before and after in the audit log", async () => {
    const created = await createTaxRate(db, taxRateFieldsSchema.parse({ name: "VAT", percent: "16", country: "KE", compound: false }), actor);
    if (!created.ok) throw new Error(created.error);
    const input = updateTaxRateSchema.parse({ id: created.data.id, name: "VAT reduced", percent: "8", country: "", compound: false });
    expect(await updateTaxRate(db, input, actor)).toMatchObject({ ok: true, data: { name: "VAT reduced", percent: "8.000", country: null } });
    const audits = await auditsFor(created.data.id);
    expect(audits.at(-1)).toMatchObject({
      action: "tax_rate.updated",
      before: { name: "VAT", percent: "16.000", country: "KE" },
      after: { name: "VAT reduced", percent: "8.000", country: null },
    });
  });

  it("deactivates and reactivates without deleting, and lists active rates first", async () => {
    const created = await createTaxRate(db, taxRateFieldsSchema.parse({ name: "AAA first by name", percent: "5", country: "", compound: false }), actor);
    if (!created.ok) throw new Error(created.error);
    expect(await setTaxRateActive(db, { id: created.data.id, active: false }, actor)).toMatchObject({ ok: true, data: { active: false } });
    const list = await listTaxRates(db);
    expect(list.at(-1)?.id).toBe(created.data.id);
    expect(list.slice(0, -1).every((rate) => rate.active)).toBe(true);

    expect(await setTaxRateActive(db, { id: created.data.id, active: true }, actor)).toMatchObject({ ok: true, data: { active: true } });
    expect((await listTaxRates(db))[0]?.id).toBe(created.data.id);
    const actions = (await auditsFor(created.data.id)).map((row) => row.action);
    expect(actions).toEqual(["tax_rate.created", "tax_rate.deactivated", "tax_rate.activated"]);
  });

  it("creates a compound rate and turns the flag off again, audited both ways", async () => {
    const created = await createTaxRate(db, taxRateFieldsSchema.parse({ name: "Levy 2%", percent: "2", country: "KE", compound: true }), actor);
    if (!created.ok) throw new Error(created.error);
    const [stored] = await db.select().from(taxRates).where(eq(taxRates.id, created.data.id));
    expect(stored).toMatchObject({ compound: true, percent: "2.000" });
    expect((await listTaxRates(db)).find((rate) => rate.id === created.data.id)).toMatchObject({ compound: true });

    const input = updateTaxRateSchema.parse({ id: created.data.id, name: "Levy 2%", percent: "2", country: "KE", compound: false });
    expect(await updateTaxRate(db, input, actor)).toMatchObject({ ok: true, data: { compound: false } });
    const audits = await auditsFor(created.data.id);
    expect(audits.map((row) => row.action)).toEqual(["tax_rate.created", "tax_rate.updated"]);
    expect(audits[0]).toMatchObject({ after: { compound: true } });
    expect(audits[1]).toMatchObject({ before: { compound: true }, after: { compound: false } });
  });

  it("refuses a rate without the compound choice", () => {
    const parsed = taxRateFieldsSchema.safeParse({ name: "Levy", percent: "2", country: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["compound"]);
  });

  it("answers an unknown id with a refusal", async () => {
    const input = updateTaxRateSchema.parse({ id: "00000000-0000-4000-8000-000000000000", name: "X", percent: "1", country: "", compound: false });
    expect(await updateTaxRate(db, input, actor)).toMatchObject({ ok: false });
  });
});

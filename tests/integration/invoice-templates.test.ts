import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, invoiceTemplates, TEMPLATE_COLUMNS } from "@/db/schema";
import { deleteTemplate, setDefaultTemplate, updateTemplate } from "@/lib/invoice-templates/commands";
import { getDefaultTemplate, listTemplates } from "@/lib/invoice-templates/queries";
import { TEMPLATE_COLUMN_OPTIONS, templateFieldsSchema, updateTemplateSchema, type TemplateFormValues } from "@/lib/invoice-templates/schemas";
import { UserError } from "@/lib/errors";
import { createTestDatabase } from "../helpers/db";
import { createTestTemplate, liveDefaultTemplateIds, templateForm } from "../helpers/invoice-templates";
import { actorFor } from "./admin-fixtures";

const { db } = await createTestDatabase();
const actor = actorFor(null, "admin@example.test");
const create = (values: Partial<TemplateFormValues>) => createTestTemplate(db, actor, values);

async function auditsFor(entityId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "invoice_template"), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.createdAt);
}

async function rowCounts() {
  const [templates] = await db.select({ n: count() }).from(invoiceTemplates);
  const [audits] = await db.select({ n: count() }).from(auditLog);
  return { templates: templates?.n, audits: audits?.n };
}

describe("invoice templates", () => {
  it("offers exactly the columns the database allows", () => {
    expect(TEMPLATE_COLUMN_OPTIONS).toEqual([...TEMPLATE_COLUMNS]);
  });

  it("makes the first template the default and later ones not, each audited", async () => {
    expect(await getDefaultTemplate(db)).toBeNull();
    const first = await create({ name: " Standard ", accentColor: "#1D4ED8", columns: ["tax", "quantity"] });
    expect(first).toMatchObject({ name: "Standard", isDefault: true, accentColor: "#1d4ed8", columns: ["quantity", "tax"], headerText: null });
    const second = await create({ name: "Minimal", showLogo: false, footerText: "Thank you", defaultTerms: "Net 30" });
    expect(second).toMatchObject({ isDefault: false, showLogo: false, footerText: "Thank you", defaultTerms: "Net 30" });

    expect((await getDefaultTemplate(db))?.id).toBe(first.id);
    expect((await listTemplates(db)).map((row) => row.name)).toEqual(["Standard", "Minimal"]);
    const [audit] = await auditsFor(second.id);
    expect(audit).toMatchObject({ action: "invoice_template.created", actorLabel: "admin@example.test", before: null, after: { name: "Minimal", isDefault: false } });
  });

  it.each([
    ["name", { name: "" }],
    ["name", { name: "x".repeat(101) }],
    ["accentColor", { accentColor: "blue" }],
    ["accentColor", { accentColor: "#12345" }],
    ["columns", { columns: ["quantity", "quantity"] }],
    ["columns.0", { columns: ["colour"] }],
    ["footerText", { footerText: "x".repeat(1001) }],
  ])("refuses a bad %s before anything is written", async (path, values) => {
    const before = await rowCounts();
    const parsed = templateFieldsSchema.safeParse(templateForm(values as Partial<TemplateFormValues>));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual([path]);
    expect(await rowCounts()).toEqual(before);
  });

  it("edits a template with before and after in the audit log", async () => {
    const template = await create({ name: "Edit me" });
    const input = updateTemplateSchema.parse({ ...templateForm({ name: "Edited", headerText: "Tax invoice", columns: ["unit_price"] }), id: template.id });
    const saved = await updateTemplate(db, input, actor);
    expect(saved).toMatchObject({ name: "Edited", headerText: "Tax invoice", columns: ["unit_price"], isDefault: false });
    const audits = await auditsFor(template.id);
    expect(audits.at(-1)).toMatchObject({
      action: "invoice_template.updated",
      before: { name: "Edit me", headerText: null },
      after: { name: "Edited", headerText: "Tax invoice", columns: ["unit_price"] },
    });
  });

  it("moves the default in one step, leaving exactly one", async () => {
    const oldDefault = await getDefaultTemplate(db);
    const next = await create({ name: "Next default" });
    expect(await setDefaultTemplate(db, next.id, actor)).toMatchObject({ id: next.id, isDefault: true });
    expect(await liveDefaultTemplateIds(db)).toEqual([next.id]);
    expect((await listTemplates(db))[0]?.id).toBe(next.id);
    expect((await auditsFor(next.id)).at(-1)).toMatchObject({
      action: "invoice_template.made_default",
      before: { previousDefault: { id: oldDefault?.id } },
    });

    const auditsBefore = (await auditsFor(next.id)).length;
    expect(await setDefaultTemplate(db, next.id, actor)).toMatchObject({ isDefault: true });
    expect(await auditsFor(next.id)).toHaveLength(auditsBefore);
  });

  it("refuses to delete the default, and soft-deletes any other", async () => {
    const current = await getDefaultTemplate(db);
    if (!current) throw new Error("expected a default template");
    const before = await rowCounts();
    await expect(deleteTemplate(db, current.id, actor)).rejects.toThrow(UserError);
    await expect(deleteTemplate(db, current.id, actor)).rejects.toThrow(/Make another template the default first/);
    expect(await rowCounts()).toEqual(before);

    const doomed = await create({ name: "Doomed" });
    await deleteTemplate(db, doomed.id, actor);
    const [row] = await db.select().from(invoiceTemplates).where(eq(invoiceTemplates.id, doomed.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect((await listTemplates(db)).map((template) => template.id)).not.toContain(doomed.id);
    expect((await auditsFor(doomed.id)).map((audit) => audit.action)).toEqual(["invoice_template.created", "invoice_template.deleted"]);

    await expect(deleteTemplate(db, doomed.id, actor)).rejects.toThrow("That template no longer exists.");
    await expect(setDefaultTemplate(db, doomed.id, actor)).rejects.toThrow("That template no longer exists.");
    const edit = updateTemplateSchema.parse({ ...templateForm({ name: "Back" }), id: doomed.id });
    await expect(updateTemplate(db, edit, actor)).rejects.toThrow("That template no longer exists.");
    expect(await liveDefaultTemplateIds(db)).toEqual([current.id]);
  });
});

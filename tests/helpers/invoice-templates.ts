import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { invoiceTemplates } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { createTemplate } from "@/lib/invoice-templates/commands";
import { blankTemplateValues, templateFieldsSchema, type TemplateFormValues } from "@/lib/invoice-templates/schemas";

/** The template form, blank but for a name and whatever the test sets. */
export const templateForm = (values: Partial<TemplateFormValues>): TemplateFormValues => ({ ...blankTemplateValues(), name: "Template", ...values });

/** Creates a template from form values the way the admin page does (parse, then command). */
export const createTestTemplate = (db: Db, actor: Actor, values: Partial<TemplateFormValues>) => createTemplate(db, templateFieldsSchema.parse(templateForm(values)), actor);

/** Ids of the live templates marked default: exactly one once any template exists. */
export async function liveDefaultTemplateIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: invoiceTemplates.id })
    .from(invoiceTemplates)
    .where(and(eq(invoiceTemplates.isDefault, true), isNull(invoiceTemplates.deletedAt)));
  return rows.map((row) => row.id);
}

"use server";

import { revalidatePath } from "next/cache";
import { permissionAction } from "@/lib/actions";
import { createTemplate, deleteTemplate, setDefaultTemplate, updateTemplate } from "@/lib/invoice-templates/commands";
import { templateFieldsSchema, templateIdSchema, updateTemplateSchema } from "@/lib/invoice-templates/schemas";

const PATH = "/admin/templates";

export const createTemplateAction = permissionAction("settings.manage", templateFieldsSchema, async (input, { db, actor }) => {
  const template = await createTemplate(db, input, actor);
  revalidatePath(PATH);
  return { id: template.id, name: template.name, isDefault: template.isDefault };
});

export const updateTemplateAction = permissionAction("settings.manage", updateTemplateSchema, async (input, { db, actor }) => {
  const template = await updateTemplate(db, input, actor);
  revalidatePath(PATH);
  return { id: template.id, name: template.name };
});

export const deleteTemplateAction = permissionAction("settings.manage", templateIdSchema, async ({ id }, { db, actor }) => {
  await deleteTemplate(db, id, actor);
  revalidatePath(PATH);
  return { id };
});

export const setDefaultTemplateAction = permissionAction("settings.manage", templateIdSchema, async ({ id }, { db, actor }) => {
  const template = await setDefaultTemplate(db, id, actor);
  revalidatePath(PATH);
  return { id: template.id, name: template.name };
});

"use server";

import { revalidatePath } from "next/cache";
import { permissionAction } from "@/lib/actions";
import { createPaymentMethodConfig, reorderPaymentMethodConfigs, setPaymentMethodEnabled, updatePaymentMethodConfig } from "@/lib/payment-methods/commands";
import { paymentMethodConfigSchema, reorderPaymentMethodsSchema, setPaymentMethodEnabledSchema, updatePaymentMethodSchema } from "@/lib/payment-methods/schemas";

const PATH = "/admin/payment-methods";

export const createPaymentMethodAction = permissionAction("settings.manage", paymentMethodConfigSchema, async (input, { db, actor }) => {
  const row = await createPaymentMethodConfig(db, input, actor);
  revalidatePath(PATH);
  return { id: row.id };
});

export const updatePaymentMethodAction = permissionAction("settings.manage", updatePaymentMethodSchema, async (input, { db, actor }) => {
  const row = await updatePaymentMethodConfig(db, input.id, input.fields, actor);
  revalidatePath(PATH);
  return { id: row.id };
});

export const setPaymentMethodEnabledAction = permissionAction("settings.manage", setPaymentMethodEnabledSchema, async (input, { db, actor }) => {
  await setPaymentMethodEnabled(db, input.id, input.enabled, actor);
  revalidatePath(PATH);
  return undefined;
});

export const reorderPaymentMethodsAction = permissionAction("settings.manage", reorderPaymentMethodsSchema, async (input, { db, actor }) => {
  await reorderPaymentMethodConfigs(db, input.ids, actor);
  revalidatePath(PATH);
  return undefined;
});

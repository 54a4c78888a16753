"use server";

import { revalidatePath } from "next/cache";
import { permissionAction } from "@/lib/actions";
import { createTaxRate, setTaxRateActive, updateTaxRate } from "@/lib/tax-rates/commands";
import { setTaxRateActiveSchema, taxRateFieldsSchema, updateTaxRateSchema } from "@/lib/tax-rates/schemas";
import { unwrap } from "../unwrap";

const PATH = "/admin/tax-rates";

export const createTaxRateAction = permissionAction("tax_rates.manage", taxRateFieldsSchema, async (input, { db, actor }) => {
  const data = unwrap(await createTaxRate(db, input, actor));
  revalidatePath(PATH);
  return data;
});

export const updateTaxRateAction = permissionAction("tax_rates.manage", updateTaxRateSchema, async (input, { db, actor }) => {
  const data = unwrap(await updateTaxRate(db, input, actor));
  revalidatePath(PATH);
  return data;
});

export const setTaxRateActiveAction = permissionAction("tax_rates.manage", setTaxRateActiveSchema, async (input, { db, actor }) => {
  const data = unwrap(await setTaxRateActive(db, input, actor));
  revalidatePath(PATH);
  return data;
});

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { permissionAction } from "@/lib/actions";
import { removeCompanyLogo, setCompanyLogo, updateCompanySettings } from "@/lib/settings/commands";
import { LOGO_MAX_BYTES } from "@/lib/settings/logo";
import { companySettingsSchema } from "@/lib/settings/schemas";
import { unwrap } from "../unwrap";

const PATH = "/admin/settings";

export const updateSettingsAction = permissionAction("settings.manage", companySettingsSchema, async (input, { db, actor }) => {
  unwrap(await updateCompanySettings(db, input, actor));
  revalidatePath(PATH);
  return null;
});

const logoSchema = z.object({
  logo: z
    .instanceof(File, { message: "Choose an image file to upload." })
    .refine((file) => file.size > 0, "Choose an image file to upload.")
    // refuse before reading the body; the real check of the bytes happens in lib/settings/logo.ts
    .refine((file) => file.size <= LOGO_MAX_BYTES, "The logo must be smaller than 1 MB."),
});

export const uploadLogoAction = permissionAction("settings.manage", logoSchema, async ({ logo }, { db, actor }) => {
  const data = unwrap(await setCompanyLogo(db, new Uint8Array(await logo.arrayBuffer()), actor));
  revalidatePath(PATH);
  return data;
});

export const removeLogoAction = permissionAction("settings.manage", z.object({}), async (_input, { db, actor }) => {
  unwrap(await removeCompanyLogo(db, actor));
  revalidatePath(PATH);
  return null;
});

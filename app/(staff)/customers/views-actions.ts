"use server";

import { revalidatePath } from "next/cache";
import { permissionAction } from "@/lib/actions";
import { deleteViewSchema, saveViewSchema } from "@/lib/customers/list-params";
import { deleteSavedView, saveView, type SavedView } from "@/lib/customers/saved-views";

// Saved views belong to the signed-in user: the user id comes from the session, never the form.

export const saveViewAction = permissionAction("customers.read", saveViewSchema, async (input, { db, user }): Promise<SavedView> => {
  const view = await saveView(db, user.id, input);
  revalidatePath("/customers");
  return view;
});

export const deleteViewAction = permissionAction("customers.read", deleteViewSchema, async ({ id }, { db, user }) => {
  await deleteSavedView(db, user.id, id);
  revalidatePath("/customers");
  return null;
});

"use server";

import { revalidatePath } from "next/cache";
import { permissionAction } from "@/lib/actions";
import type { CurrentUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/audit";
import { addNoteSchema, editNoteSchema, noteRefSchema } from "@/lib/customers/note-schemas";
import { addCustomerNote, deleteCustomerNote, editCustomerNote, type NoteActor } from "@/lib/customers/notes";

// lib checks the role and the authorship again: the UI only hides what it cannot do.
const noteActor = (actor: Actor, user: CurrentUser): NoteActor => ({ ...actor, userId: user.id, role: user.role });

export const addNoteAction = permissionAction("customers.write", addNoteSchema, async (input, { db, user, actor }) => {
  const note = await addCustomerNote(db, input, noteActor(actor, user));
  revalidatePath(`/customers/${input.customerId}`);
  return { id: note.id };
});

export const editNoteAction = permissionAction("customers.write", editNoteSchema, async (input, { db, user, actor }) => {
  await editCustomerNote(db, input, noteActor(actor, user));
  revalidatePath(`/customers/${input.customerId}`);
  return null;
});

export const deleteNoteAction = permissionAction("customers.write", noteRefSchema, async (input, { db, user, actor }) => {
  await deleteCustomerNote(db, input, noteActor(actor, user));
  revalidatePath(`/customers/${input.customerId}`);
  return null;
});

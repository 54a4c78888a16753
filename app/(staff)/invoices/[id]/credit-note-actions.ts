"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { permissionAction } from "@/lib/actions";
import { createCreditNote } from "@/lib/credit-notes/create";
import { createCreditNoteSchema } from "@/lib/credit-notes/schemas";
import { sendCreditNote } from "@/lib/credit-notes/send";

/** Issues a credit note against a finalized invoice; lib/credit-notes/create.ts locks and re-checks it. */
export const createCreditNoteAction = permissionAction("invoices.write", createCreditNoteSchema, async (input, { db, actor }) => {
  const note = await createCreditNote(db, input, actor);
  revalidatePath("/invoices");
  revalidatePath(`/invoices/${input.invoiceId}`);
  return note;
});

const sendCreditNoteSchema = z.object({ creditNoteId: z.uuid("Unknown credit note."), invoiceId: z.uuid("Unknown invoice.") });

/** Emails a credit note with its PDF to the customer; lib/credit-notes/send.ts refuses a customer without an address. */
export const sendCreditNoteAction = permissionAction("invoices.write", sendCreditNoteSchema, async ({ creditNoteId, invoiceId }, { db, actor }) => {
  const result = await sendCreditNote(db, creditNoteId, actor);
  revalidatePath(`/invoices/${invoiceId}`);
  return result;
});

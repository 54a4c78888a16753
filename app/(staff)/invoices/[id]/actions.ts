"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { permissionAction } from "@/lib/actions";
import { deleteDraft } from "@/lib/invoices/drafts";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import { duplicateInvoice, markUncollectible, voidInvoice } from "@/lib/invoices/lifecycle";
import { setAllowPartialPayment } from "@/lib/invoices/partial-payment";

// The detail page's lifecycle buttons. Each one is a thin wrapper: lib/invoices/* locks the row,
// checks the status allows the change and writes the audit row.

const idSchema = z.object({ id: z.uuid("Unknown invoice.") });
const voidSchema = idSchema.extend({
  reason: z.string().trim().min(1, "Say why the invoice is voided.").max(500, "Use at most 500 characters."),
});

function revalidate(id: string) {
  revalidatePath("/invoices");
  revalidatePath(`/invoices/${id}`);
}

export const finalizeInvoiceAction = permissionAction("invoices.write", idSchema, async ({ id }, { db, actor }) => {
  const { number } = await finalizeInvoice(db, id, actor);
  revalidate(id);
  return { number };
});

export const voidInvoiceAction = permissionAction("invoices.write", voidSchema, async ({ id, reason }, { db, actor }) => {
  await voidInvoice(db, id, reason, actor);
  revalidate(id);
  return null;
});

export const markUncollectibleAction = permissionAction("invoices.write", idSchema, async ({ id }, { db, actor }) => {
  await markUncollectible(db, id, actor);
  revalidate(id);
  return null;
});

/** A new draft with the same customer and lines; the caller opens it. */
export const duplicateInvoiceAction = permissionAction("invoices.write", idSchema, async ({ id }, { db, actor }) => {
  const copy = await duplicateInvoice(db, id, actor);
  revalidatePath("/invoices");
  return { id: copy.id };
});

export const deleteDraftAction = permissionAction("invoices.write", idSchema, async ({ id }, { db, actor }) => {
  await deleteDraft(db, id, actor);
  revalidate(id);
  return null;
});

export const setAllowPartialPaymentAction = permissionAction("invoices.write", idSchema.extend({ allow: z.boolean() }), async ({ id, allow }, { db, actor }) => {
  await setAllowPartialPayment(db, id, allow, actor);
  revalidate(id);
  return { allow };
});

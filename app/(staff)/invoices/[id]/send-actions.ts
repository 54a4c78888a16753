"use server";

import { revalidatePath } from "next/cache";
import { permissionAction } from "@/lib/actions";
import { sendDefaults, sendInvoice } from "@/lib/invoices/send";
import { sendDefaultsRequestSchema, sendInvoiceFormSchema } from "@/lib/invoices/send-schemas";

/** The send dialog's starting point (recipients on file, subject, message); refuses drafts and void invoices. */
export const loadSendDefaultsAction = permissionAction("invoices.write", sendDefaultsRequestSchema, async ({ invoiceId, kind }, { db }) =>
  sendDefaults(db, invoiceId, kind),
);

export const sendInvoiceAction = permissionAction("invoices.write", sendInvoiceFormSchema, async (input, { db, actor }) => {
  const result = await sendInvoice(db, input, actor);
  revalidatePath(`/invoices/${input.invoiceId}`);
  revalidatePath("/invoices");
  return result;
});

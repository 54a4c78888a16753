"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { permissionAction } from "@/lib/actions";
import { BULK_MAX, bulkVoidReasonSchema, runBulk } from "@/lib/invoices/bulk";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import { voidInvoice } from "@/lib/invoices/lifecycle";
import { sendInvoiceWithDefaults } from "@/lib/invoices/send";
import { UserError } from "@/lib/errors";

// The invoice list's bulk bar. Each call takes one chunk of the selection; every invoice runs in
// its own transaction and the answer says, per id, whether it worked or why not.

const ids = z.array(z.uuid("Unknown invoice.")).min(1, "Select at least one invoice.").max(BULK_MAX, `Select at most ${BULK_MAX} invoices at a time.`);
const idsSchema = z.object({ ids });
const voidSchema = z.object({ ids, reason: bulkVoidReasonSchema });

export const bulkFinalize = permissionAction("invoices.write", idsSchema, async (input, { db, actor }) => {
  const outcomes = await runBulk(input.ids, (id) => finalizeInvoice(db, id, actor));
  revalidatePath("/invoices");
  return outcomes;
});

export const bulkVoid = permissionAction("invoices.write", voidSchema, async (input, { db, actor }) => {
  const outcomes = await runBulk(input.ids, (id) => voidInvoice(db, id, input.reason, actor));
  revalidatePath("/invoices");
  return outcomes;
});

/** Emails each invoice with the default subject and message to the customer's primary address. */
export const bulkSend = permissionAction("invoices.write", idsSchema, async (input, { db, actor }) => {
  const outcomes = await runBulk(input.ids, async (id) => {
    const { status } = await sendInvoiceWithDefaults(db, id, actor);
    // queued but not delivered: the invoice stays as it was and the outbox retries or shows why
    if (status === "failed") throw new UserError("The email could not be delivered; it is in the email outbox.");
  });
  revalidatePath("/invoices");
  return outcomes;
});

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { permissionAction } from "@/lib/actions";
import { ConflictError } from "@/lib/errors";
import { createDraft, updateDraft } from "@/lib/invoices/drafts";
import { searchCustomersForPicker } from "@/lib/invoices/editor-options";
import { invoiceDraftSchema } from "@/lib/invoices/schemas";
import { searchProductsForPicker } from "@/lib/products/queries";

/** What a save answers: saved, or (edits only) someone else saved the draft in between. */
export type InvoiceDraftSaveOutcome = { status: "saved"; id: string; version: number } | { status: "conflict"; message: string };

const searchSchema = z.object({ q: z.string().max(200) });
const updateSchema = z.object({ id: z.uuid(), version: z.number().int().min(1), draft: invoiceDraftSchema });

export const createInvoiceDraftAction = permissionAction(
  "invoices.write",
  invoiceDraftSchema,
  async (input, { db, actor }): Promise<InvoiceDraftSaveOutcome> => {
    const saved = await createDraft(db, input, actor);
    revalidatePath("/invoices");
    return { status: "saved", ...saved };
  },
);

export const updateInvoiceDraftAction = permissionAction(
  "invoices.write",
  updateSchema,
  async ({ id, version, draft }, { db, actor }): Promise<InvoiceDraftSaveOutcome> => {
    try {
      const saved = await updateDraft(db, id, version, draft, actor);
      revalidatePath("/invoices");
      revalidatePath(`/invoices/${id}`);
      return { status: "saved", ...saved };
    } catch (error) {
      if (error instanceof ConflictError) return { status: "conflict", message: error.message };
      throw error;
    }
  },
);

/** The customer type-ahead. */
export const searchInvoiceCustomersAction = permissionAction("invoices.write", searchSchema, async ({ q }, { db }) => searchCustomersForPicker(db, q));

/** The line's product type-ahead: active products in any currency (the editor warns on a mismatch). */
export const searchInvoiceProductsAction = permissionAction("invoices.write", searchSchema, async ({ q }, { db }) => searchProductsForPicker(db, q));

import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { invoices, type Invoice } from "@/db/schema";
import { isUuid } from "@/lib/customers/detail";
import { UserError } from "@/lib/errors";

export const INVOICE_NOT_FOUND = "That invoice does not exist.";

/**
 * The live invoice, locked FOR UPDATE until the transaction ends: every change to an invoice (and
 * every money mutation, invariant 3) goes through here. A malformed id is "not found", never a db error.
 */
export async function lockInvoice(tx: Db, id: string): Promise<Invoice> {
  if (!isUuid(id)) throw new UserError(INVOICE_NOT_FOUND);
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), isNull(invoices.deletedAt)))
    .for("update");
  if (!row) throw new UserError(INVOICE_NOT_FOUND);
  return row;
}

import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, invoices } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { UserError } from "@/lib/errors";
import { auditInvoice } from "./audit";
import { dateFromIso } from "./dates";
import { lockInvoice } from "./lock";
import { isUniqueViolation, nextDocumentNumber } from "./numbering";
import { STATUS_LABELS } from "./status";
import { loadInvoiceLines, storedFiguresMatch } from "./stored";

/**
 * Turns a draft into a finalized invoice with the next number of the invoice series, all in one
 * transaction (invariant 2): the number is taken last, under the counter's row lock, so any
 * failure before the commit rolls the counter back with everything else and leaves no gap.
 * The series period and {YYYY}/{MM} come from the issue date.
 */
export async function finalizeInvoice(db: Db, id: string, actor: Actor): Promise<{ number: string }> {
  let attempted: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      const before = await lockInvoice(tx, id);
      if (before.status !== "draft") throw new UserError(`This invoice is already ${STATUS_LABELS[before.status].toLowerCase()}; only a draft can be finalized.`);
      const lines = await loadInvoiceLines(tx, id);
      if (lines.length === 0) throw new UserError("Add at least one line before finalizing.");
      const [customer] = await tx.select().from(customers).where(eq(customers.id, before.customerId));
      if (!customer || customer.deletedAt) throw new UserError("This invoice's customer no longer exists. Choose another customer, then finalize.");
      if (customer.status === "archived") throw new UserError(`${customer.displayName} is archived. Restore the customer to finalize this invoice.`);
      // defensive: what is frozen must be what the arithmetic gives (a stale or hand-edited draft is not)
      if (!storedFiguresMatch(before, lines)) throw new UserError("This draft's totals are out of date. Open it, save it again, then finalize.");

      const number = await nextDocumentNumber(tx, "invoice", dateFromIso(before.issueDate));
      attempted = number;
      const [after] = await tx
        .update(invoices)
        .set({ number, status: "finalized", finalizedAt: new Date(), version: sql`${invoices.version} + 1` })
        .where(eq(invoices.id, id))
        .returning();
      if (!after) throw new Error("invoices update returned no row");
      await auditInvoice(tx, actor, "invoice.finalize", after, { before, extra: { lineCount: lines.length } });
      return { number };
    });
  } catch (error) {
    // the series gave a number another invoice already has: only after a format or reset change
    if (attempted && isUniqueViolation(error, "invoices_number_key")) {
      throw new UserError(`The next invoice number, ${attempted}, is already used by another invoice. Change the invoice number format or reset in Settings, then finalize again.`);
    }
    throw error;
  }
}

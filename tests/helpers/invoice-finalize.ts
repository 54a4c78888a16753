import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { companySettings, numberSequences } from "@/db/schema";
import { createDraft } from "@/lib/invoices/drafts";
import type { InvoiceDraftInput } from "@/lib/invoices/schemas";
import type { NumberReset } from "@/lib/settings/number-format";
import { readInvoice } from "./invoice-rows";
import { draftInput, seedInvoiceWorld } from "./invoices";

/**
 * What the finalize test files share: a seeded invoice world, drafts on a chosen issue date,
 * the number format setting, the counters, stored invoices and an injectable finalize failure.
 */
export async function createFinalizeTestbed(db: Db) {
  const world = await seedInvoiceWorld(db);

  // Every test issues its invoices in a year of its own, so each starts its series at 1.
  const draftOn = async (issueDate: string, overrides: Partial<InvoiceDraftInput> = {}) =>
    (await createDraft(db, draftInput(world, { issueDate, dueDate: issueDate, ...overrides }), world.actor)).id;

  async function useFormat(invoiceNumberFormat: string, invoiceNumberReset: NumberReset, creditNoteNumberFormat = "CN-{YYYY}-{SEQ:5}") {
    await db.update(companySettings).set({ invoiceNumberFormat, invoiceNumberReset, creditNoteNumberFormat });
  }

  /** The next value of a counter, or null when it was never used (a rolled-back first use leaves no row). */
  async function counter(series: string, period: string): Promise<number | null> {
    const [row] = await db
      .select({ next: numberSequences.nextValue })
      .from(numberSequences)
      .where(and(eq(numberSequences.series, series), eq(numberSequences.period, period)));
    return row?.next ?? null;
  }

  const invoice = (id: string) => readInvoice(db, id);

  /**
   * Fault injection: the invoice update of a finalize fails for drafts whose PO number says so, after
   * the number was taken in the same transaction. Shows the rollback gives the number back.
   */
  async function withFailingFinalize<T>(run: () => Promise<T>): Promise<T> {
    await db.execute(sql`
      create function test_fail_finalize() returns trigger language plpgsql as $$
      begin
        if new.status = 'finalized' and new.po_number = 'FAIL-AFTER-NUMBER' then
          raise exception 'injected failure after the number %', new.number;
        end if;
        return new;
      end $$`);
    await db.execute(sql`create trigger test_fail_finalize before update on invoices for each row execute function test_fail_finalize()`);
    try {
      return await run();
    } finally {
      await db.execute(sql`drop trigger test_fail_finalize on invoices`);
      await db.execute(sql`drop function test_fail_finalize()`);
    }
  }

  return { world, draftOn, useFormat, counter, invoice, withFailingFinalize };
}

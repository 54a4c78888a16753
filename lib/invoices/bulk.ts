import { z } from "zod";
import { UserError } from "@/lib/errors";

// The list's bulk actions: one command per invoice, each in its own transaction (the command's),
// so one refusal never undoes or blocks the others.

/** At most this many invoices per call; the list sends its selection in smaller chunks. */
export const BULK_MAX = 100;

/** The reason a bulk void asks for once, for every invoice in it (the dialog and the action share it). */
export const bulkVoidReasonSchema = z.string().trim().min(1, "Say why the invoices are voided.").max(500, "Use at most 500 characters for the reason.");

export type BulkOutcome = { id: string; ok: true } | { id: string; ok: false; error: string };

const UNEXPECTED = "Something went wrong on our side; this invoice was not changed.";

/**
 * Runs `command` for each id in turn and reports each outcome: a refusal (UserError) with its
 * message, anything else as a generic failure (logged). Repeated ids run once.
 */
export async function runBulk(ids: readonly string[], command: (id: string) => Promise<unknown>): Promise<BulkOutcome[]> {
  if (ids.length > BULK_MAX) throw new RangeError(`runBulk: at most ${BULK_MAX} ids, got ${ids.length}`);
  const outcomes: BulkOutcome[] = [];
  for (const id of new Set(ids)) {
    try {
      await command(id);
      outcomes.push({ id, ok: true });
    } catch (error) {
      if (!(error instanceof UserError)) console.error(`Bulk action failed for invoice ${id}`, error);
      outcomes.push({ id, ok: false, error: error instanceof UserError ? error.message : UNEXPECTED });
    }
  }
  return outcomes;
}

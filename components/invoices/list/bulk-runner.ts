import type { InvoiceStatus } from "@/db/schema/invoices";
import type { ActionResult } from "@/lib/actions";
import type { BulkOutcome } from "@/lib/invoices/bulk";

// The client half of the bulk bar: which ticked invoices an action applies to, sending them in
// chunks (so the progress bar moves and no request runs long), and the summary for the toast.

export type BulkKind = "finalize" | "send" | "void";

const VOIDABLE: readonly InvoiceStatus[] = ["finalized", "sent", "viewed", "partial", "uncollectible"];

/** The statuses each action accepts; the server checks again under the row lock. */
export const BULK_APPLIES: Record<BulkKind, (status: InvoiceStatus) => boolean> = {
  finalize: (status) => status === "draft",
  send: (status) => status !== "draft" && status !== "void",
  void: (status) => VOIDABLE.includes(status),
};

/** Small enough that the bar moves often and one request never holds many row locks in a row. */
export const CHUNK_SIZE: Record<BulkKind, number> = { finalize: 10, void: 10, send: 5 };

/**
 * Calls `action` for each chunk of `ids` in turn. A chunk the server refused as a whole (session
 * ended, no permission) counts each of its invoices as failed with that message.
 */
export async function runInChunks(
  ids: readonly string[],
  size: number,
  action: (chunk: string[]) => Promise<ActionResult<BulkOutcome[]>>,
  onProgress: (done: number) => void,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (let start = 0; start < ids.length; start += size) {
    const chunk = ids.slice(start, start + size);
    let result: ActionResult<BulkOutcome[]>;
    try {
      result = await action(chunk);
    } catch {
      result = { ok: false, error: "The server could not be reached." };
    }
    outcomes.push(...(result.ok ? result.data : chunk.map((id): BulkOutcome => ({ id, ok: false, error: result.error }))));
    onProgress(outcomes.length);
  }
  return outcomes;
}

export interface BulkSummary {
  done: number;
  failures: { label: string; error: string }[];
}

export function summarize(outcomes: readonly BulkOutcome[], labelOf: (id: string) => string): BulkSummary {
  const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [{ label: labelOf(outcome.id), error: outcome.error }]));
  return { done: outcomes.length - failures.length, failures };
}

/** "INV-1: reason" lines for the toast, the first few only. */
export function failureLines(failures: BulkSummary["failures"], max = 5): string {
  const lines = failures.slice(0, max).map((failure) => `${failure.label}: ${failure.error}`);
  if (failures.length > max) lines.push(`…and ${failures.length - max} more.`);
  return lines.join("\n");
}

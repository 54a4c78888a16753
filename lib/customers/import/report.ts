import { csvLine } from "@/lib/csv";
import type { RowOutcome, RowStatus } from "./run-batch";

export type ImportCounts = Record<RowStatus, number>;

export function countOutcomes(outcomes: readonly RowOutcome[]): ImportCounts {
  const counts: ImportCounts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  for (const outcome of outcomes) counts[outcome.status]++;
  return counts;
}

/** The downloadable report: one line per row of the file, in row order. */
export function reportToCsv(outcomes: readonly RowOutcome[]): string {
  const lines = [csvLine(["row", "status", "reason", "customer_number"])];
  for (const outcome of [...outcomes].sort((a, b) => a.rowNumber - b.rowNumber)) {
    lines.push(csvLine([String(outcome.rowNumber), outcome.status, outcome.reason ?? "", outcome.number ?? ""]));
  }
  return lines.join("");
}

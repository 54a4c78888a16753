import type { RowOutcome, RowStatus } from "./run-batch";

export type ImportCounts = Record<RowStatus, number>;

export function countOutcomes(outcomes: readonly RowOutcome[]): ImportCounts {
  const counts: ImportCounts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  for (const outcome of outcomes) counts[outcome.status]++;
  return counts;
}

/** A cell as RFC 4180 wants it; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The downloadable report: one line per row of the file, in row order. */
export function reportToCsv(outcomes: readonly RowOutcome[]): string {
  const lines = [["row", "status", "reason", "customer_number"].join(",")];
  for (const outcome of [...outcomes].sort((a, b) => a.rowNumber - b.rowNumber)) {
    lines.push([String(outcome.rowNumber), outcome.status, outcome.reason ?? "", outcome.number ?? ""].map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

import type { ImportColumn } from "@/lib/customers/import/columns";
import { parseImportRow, type ImportDefaults, type ImportValues, type RowError } from "@/lib/customers/import/rows";

/** A CSV record after mapping, with its row number in the file (the header is row 1). */
export interface MappedRow {
  rowNumber: number;
  values: ImportValues;
}

export interface RowChecks {
  /** row index → what is wrong with it (valid rows are absent) */
  invalid: Map<number, RowError[]>;
  valid: number;
}

const SLICE = 1000;

/**
 * Runs the shared customer schema over every row, a slice at a time so the page stays responsive.
 * Resolves null when `isCancelled()` turns true (the user went back and changed the mapping).
 */
export async function checkRows(
  rows: readonly MappedRow[],
  defaults: ImportDefaults,
  onProgress: (checked: number) => void,
  isCancelled: () => boolean,
): Promise<RowChecks | null> {
  const invalid = new Map<number, RowError[]>();
  for (let start = 0; start < rows.length; start += SLICE) {
    if (isCancelled()) return null;
    const end = Math.min(start + SLICE, rows.length);
    for (let i = start; i < end; i++) {
      const result = parseImportRow(rows[i]!.values, defaults);
      if (!result.ok) invalid.set(i, result.errors);
    }
    onProgress(end);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { invalid, valid: rows.length - invalid.size };
}

/** Cells longer than any field allows are clipped before sending: the row still fails on its length. */
export function clipValues(values: ImportValues, maxChars: number): ImportValues {
  const out: ImportValues = {};
  for (const [column, cell] of Object.entries(values) as [ImportColumn, string | undefined][]) {
    if (cell !== undefined) out[column] = cell.length > maxChars ? cell.slice(0, maxChars) : cell;
  }
  return out;
}

import { BATCH_SIZE } from "./schemas";

/**
 * Splits rows into requests of at most `maxRows` rows and about `maxChars` characters of JSON, so
 * a file with very long cells never exceeds the server action's body limit (1 MB by default).
 */
export function splitIntoBatches<T>(rows: readonly T[], maxRows = BATCH_SIZE, maxChars = 800_000): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length + 1;
    if (current.length > 0 && (current.length >= maxRows || chars + size > maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(row);
    chars += size;
  }
  if (current.length) batches.push(current);
  return batches;
}

import type { Db } from "@/db";
import type { Actor } from "@/lib/audit";
import type { ImportDefaults } from "@/lib/customers/import/rows";
import { importCustomerBatch, type ImportRow } from "@/lib/customers/import/run-batch";
import { BATCH_SIZE, type DuplicatePolicy } from "@/lib/customers/import/schemas";
import { countOutcomes, type ImportCounts } from "@/lib/customers/import/report";
import { percentile, round } from "./stats";

export interface ImportMeasure {
  label: string;
  rows: number;
  policy: DuplicatePolicy;
  seconds: number;
  rowsPerSecond: number;
  batchP50Ms: number;
  batchP95Ms: number;
  counts: ImportCounts;
}

/** Sends `rows` through importCustomerBatch in batches of 500, as the wizard does, and times it. */
export async function measureImport(
  db: Db,
  label: string,
  rows: readonly ImportRow[],
  policy: DuplicatePolicy,
  defaults: ImportDefaults,
  actor: Actor,
): Promise<ImportMeasure> {
  const batchMs: number[] = [];
  const outcomes = [];
  const started = performance.now();
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batchStarted = performance.now();
    outcomes.push(...(await importCustomerBatch(db, rows.slice(start, start + BATCH_SIZE), policy, defaults, actor)));
    batchMs.push(performance.now() - batchStarted);
  }
  const seconds = (performance.now() - started) / 1000;
  const counts = countOutcomes(outcomes);
  if (counts.failed > 0) {
    const firstFailure = outcomes.find((outcome) => outcome.status === "failed");
    throw new Error(`${label}: ${counts.failed} rows failed, e.g. row ${firstFailure?.rowNumber}: ${firstFailure?.reason}`);
  }
  return {
    label,
    rows: rows.length,
    policy,
    seconds: round(seconds),
    rowsPerSecond: Math.round(rows.length / seconds),
    batchP50Ms: round(percentile(batchMs, 50), 1),
    batchP95Ms: round(percentile(batchMs, 95), 1),
    counts,
  };
}

import { and, asc, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { customers } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { nextCustomerNumbers } from "@/lib/customers/numbers";
import { insertCustomers, updateCustomers } from "./bulk-write";
import { planBatch, type BatchPlan, type ExistingMatch, type ValidRow } from "./plan";
import { parseImportRow, type ImportDefaults, type ImportValues } from "./rows";
import type { DuplicatePolicy } from "./schemas";

export interface ImportRow {
  rowNumber: number;
  values: ImportValues;
}

export type RowStatus = "created" | "updated" | "skipped" | "failed";

export interface RowOutcome {
  rowNumber: number;
  status: RowStatus;
  reason?: string;
  number?: string;
}

const INSERT_CHUNK = 1000;

/**
 * Imports one batch of CSV rows. Every row is validated again with the shared schema (the browser's
 * check is a courtesy), duplicates are found with one query for the whole batch, and all writes
 * (numbers, inserts, updates, one audit row) happen in one transaction. If that transaction fails,
 * every row of the batch is reported failed and nothing of it is written; earlier batches stay.
 */
export async function importCustomerBatch(
  db: Db,
  rows: readonly ImportRow[],
  policy: DuplicatePolicy,
  defaults: ImportDefaults,
  actor: Actor,
): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = rows.map((row) => ({ rowNumber: row.rowNumber, status: "failed" }));
  const valid: ValidRow[] = [];
  rows.forEach((row, index) => {
    const parsed = parseImportRow(row.values, defaults);
    if (parsed.ok) valid.push({ index, rowNumber: row.rowNumber, input: parsed.input, filled: parsed.filled });
    else outcomes[index] = { rowNumber: row.rowNumber, status: "failed", reason: parsed.reason };
  });
  if (valid.length === 0) return outcomes;

  try {
    await db.transaction(async (tx) => {
      const existing = policy === "create" ? [] : await findExisting(tx, valid);
      const plan = planBatch(valid, existing, policy);
      await writePlan(tx, rows, plan, outcomes, actor, policy);
    });
    return outcomes;
  } catch (error) {
    const first = rows[0]?.rowNumber;
    const last = rows.at(-1)?.rowNumber;
    const validIndexes = new Set(valid.map((row) => row.index));
    const reason = `Rows ${first}–${last} were not saved because the database refused the batch (${databaseMessage(error)}). Earlier batches are kept.`;
    return rows.map((row, index) => ({
      rowNumber: row.rowNumber,
      status: "failed",
      reason: validIndexes.has(index) ? reason : outcomes[index]?.reason,
    }));
  }
}

/** Live customers sharing an email (case-insensitive) or a tax id (case-insensitive) with the batch. */
async function findExisting(tx: Db, rows: readonly ValidRow[]): Promise<ExistingMatch[]> {
  const emails = [...new Set(rows.flatMap((row) => (row.input.email ? [row.input.email.toLowerCase()] : [])))];
  const taxIds = [...new Set(rows.flatMap((row) => (row.input.taxId ? [row.input.taxId.toUpperCase()] : [])))];
  const tests: SQL[] = [];
  if (emails.length) tests.push(inArray(sql`lower(${customers.email})`, emails));
  if (taxIds.length) tests.push(inArray(sql`upper(${customers.taxId})`, taxIds));
  if (tests.length === 0) return [];
  return tx
    .select({ id: customers.id, number: customers.number, email: customers.email, taxId: customers.taxId })
    .from(customers)
    .where(and(isNull(customers.deletedAt), or(...tests)))
    .orderBy(asc(customers.createdAt), asc(customers.id));
}

async function writePlan(tx: Db, rows: readonly ImportRow[], plan: BatchPlan, outcomes: RowOutcome[], actor: Actor, policy: DuplicatePolicy) {
  const set = (index: number, outcome: Omit<RowOutcome, "rowNumber">) => {
    outcomes[index] = { rowNumber: rows[index]!.rowNumber, ...outcome };
  };
  for (const [index, reason] of plan.skipped) set(index, { status: "skipped", reason });
  for (const [index, reason] of plan.failed) set(index, { status: "failed", reason });

  const createdIds: string[] = [];
  if (plan.creates.length) {
    const numbers = await nextCustomerNumbers(tx, plan.creates.length);
    const values = plan.creates.map((create, i) => ({ ...create.input, number: numbers[i]!, createdBy: actor.userId }));
    const idByNumber = new Map<string, string>();
    for (let start = 0; start < values.length; start += INSERT_CHUNK) {
      for (const [number, id] of await insertCustomers(tx, values.slice(start, start + INSERT_CHUNK))) idByNumber.set(number, id);
    }
    plan.creates.forEach((create, i) => {
      const number = numbers[i]!;
      createdIds.push(idByNumber.get(number)!);
      create.rowIndexes.forEach((index, position) =>
        set(index, position === 0 ? { status: "created", number } : { status: "updated", number, reason: plan.notes.get(index) }),
      );
    });
  }

  await updateCustomers(tx, plan.updates);
  for (const update of plan.updates) {
    for (const index of update.rowIndexes) set(index, { status: "updated", number: update.number });
  }

  if (createdIds.length || plan.updates.length) {
    const counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
    for (const outcome of outcomes) counts[outcome.status]++;
    await writeAudit(tx, actor, {
      action: "customer.imported",
      entityType: "customer",
      after: {
        policy,
        rows: { first: rows[0]?.rowNumber, last: rows.at(-1)?.rowNumber },
        counts,
        createdIds,
        updatedIds: plan.updates.map((update) => update.id),
      },
    });
  }
}

/** The database's own words (a constraint name helps), never the SQL text and its parameters. */
function databaseMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error && !cause.message.startsWith("Failed query") ? cause.message : "database error";
  return message.length > 200 ? `${message.slice(0, 197)}…` : message;
}

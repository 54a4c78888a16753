// A large, valid invoice book built with set-based SQL (insert … select from generate_series):
// customers, invoices with lines and taxes, payments (some failed or pending) with allocations,
// credit notes and refunds, so every check constraint holds and balances are derived from rows as
// invariant 3 says. Used by scripts/seed-large.ts and the invoice list and reports benches.
//
// Idempotent by topping up: the book is the invoices of customers tagged {"seed":"large"}; a run
// adds only what is missing to reach `invoices` and `customers`, so running it twice adds nothing
// the second time, and a larger target adds the difference.
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { SYSTEM_ACTOR, writeAudit } from "@/lib/audit";
import { planChunk, planLines, planMoney } from "./large-plan";
import { customerPick, existingBook, largeRefs, topUpCustomers } from "./large-refs";
import { insertChunk, type ChunkCounts } from "./large-rows";

export interface LargeSeedOptions {
  invoices: number;
  customers: number;
  /** invoices per transaction (default 100,000): bounds temp tables and lost work on a failure */
  chunk?: number;
  /** called after each committed chunk */
  onChunk?: (done: number, target: number) => void;
}

/** `invoices` and `customers`: the book after the run; the other counts: what this run added. */
export interface LargeSeedResult {
  invoices: number;
  customers: number;
  addedInvoices: number;
  lines: number;
  payments: number;
  creditNotes: number;
  refunds: number;
  seconds: number;
}

/** Settings for the bulk statements of one transaction (PGlite and PostgreSQL both take them). */
async function bulkSettings(tx: Db): Promise<void> {
  // the plan's joins and sorts on 100,000-row temp tables stay in memory
  await tx.execute(sql`set local work_mem = '256MB'`);
  // a lost last chunk on a crash is harmless here: the next run tops up
  await tx.execute(sql`set local synchronous_commit = off`);
}

async function seedChunk(db: Db, from: number, to: number): Promise<ChunkCounts> {
  return db.transaction(async (tx) => {
    await bulkSettings(tx);
    const refs = await largeRefs(tx);
    const customerCount = await customerPick(tx);
    await planChunk(tx, from, to, customerCount);
    await planLines(tx, refs);
    await planMoney(tx);
    return insertChunk(tx);
  });
}

/** Tops the large book up to `options`, chunk by chunk (one transaction each), then refreshes the planner's statistics. */
export async function seedLargeInvoices(db: Db, options: LargeSeedOptions): Promise<LargeSeedResult> {
  const started = performance.now();
  const chunk = Math.max(1, options.chunk ?? 100_000);
  const before = await db.transaction(async (tx) => {
    const book = await existingBook(tx);
    await largeRefs(tx);
    await topUpCustomers(tx, book.customers, options.customers);
    return book;
  });
  const added: ChunkCounts & { invoices: number } = { invoices: 0, lines: 0, payments: 0, creditNotes: 0, refunds: 0 };
  // g numbers the book's invoices 1…n; numbers and the status mix follow from g
  for (let from = before.invoices + 1; from <= options.invoices; from += chunk) {
    const to = Math.min(options.invoices, from + chunk - 1);
    const counts = await seedChunk(db, from, to);
    added.invoices += to - from + 1;
    added.lines += counts.lines;
    added.payments += counts.payments;
    added.creditNotes += counts.creditNotes;
    added.refunds += counts.refunds;
    options.onChunk?.(to, options.invoices);
  }
  const result = {
    invoices: Math.max(before.invoices, options.invoices),
    customers: Math.max(before.customers, options.customers),
    addedInvoices: added.invoices,
    lines: added.lines,
    payments: added.payments,
    creditNotes: added.creditNotes,
    refunds: added.refunds,
  };
  await db.transaction((tx) => writeAudit(tx, SYSTEM_ACTOR, { action: "invoice.seeded_large", entityType: "invoice", after: result }));
  if (added.invoices > 0) {
    await db.execute(sql`analyze customers, invoices, invoice_lines, invoice_line_taxes, payments, allocations, credit_notes, credit_note_lines, refunds`);
  }
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

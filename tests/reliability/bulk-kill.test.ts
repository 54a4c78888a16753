import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, like, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { queryRows } from "@/db/raw-rows";
import { auditLog, customers, invoices } from "@/db/schema";
import { csvLine } from "@/lib/csv";
import { IMPORT_COLUMN_NAMES } from "@/lib/customers/import/columns";
import { BATCH_SIZE } from "@/lib/customers/import/schemas";
import { generateRows } from "@/scripts/bench/data";
import { createFinalizeTestbed } from "../helpers/invoice-finalize";
import { killAtProgress, runToCompletion, startWorker } from "./child";
import { inLanes } from "./concurrency";
import { reliabilityDatabase } from "./database";
import { expectLedgerToHold } from "./ledger";
import { reliabilityScale } from "./scale";

// A bulk operation in a child process, SIGKILLed once about half is done (a crashed server, a
// killed container), checked in that state, then run again to the end, as a person would.
const scale = reliabilityScale();
const { db, url } = await reliabilityDatabase(scale);
const { world, draftOn, counter } = await createFinalizeTestbed(db);
const folder = mkdtempSync(path.join(os.tmpdir(), "cleanpay-reliability-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const finalizeSummary = z.object({ selected: z.number(), finalized: z.number(), refused: z.record(z.string(), z.number()) });
const importSummary = z.object({ rows: z.number(), created: z.number(), updated: z.number(), skipped: z.number(), failed: z.number(), firstFailures: z.array(z.unknown()) });

const YEAR = "2036";
const numbersOf = async () =>
  (await db.select({ number: invoices.number }).from(invoices).where(and(eq(invoices.customerId, world.customer.id), eq(invoices.status, "finalized"))))
    .map((row) => row.number ?? "")
    .sort();
const expectedNumbers = (n: number) => Array.from({ length: n }, (_, i) => `INV-${YEAR}-${String(i + 1).padStart(5, "0")}`);
const finalizeAudits = async () => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "invoice.finalize")))[0]?.n ?? 0;

describe(`bulk operations killed half way and rerun (${scale.name})`, () => {
  it(`finalizes ${scale.bulkDrafts} drafts once each across a SIGKILL and a rerun of the same selection`, async () => {
    const n = scale.bulkDrafts;
    await inLanes(n, 6, () => draftOn(`${YEAR}-05-05`));
    const first = startWorker("bulk-finalize.ts", [world.customer.id], url);
    const killedAt = await killAtProgress(first, async () => (await numbersOf()).length, Math.floor(n / 2));

    // the half state: every finalized invoice numbered once, 1..k with no gap, the counter at k
    const half = await numbersOf();
    expect(half.length).toBeGreaterThanOrEqual(killedAt);
    expect(half.length).toBeLessThan(n);
    expect(half).toEqual(expectedNumbers(half.length));
    expect(await counter("invoice", YEAR)).toBe(half.length + 1);
    expect(await finalizeAudits()).toBe(half.length);
    await expectLedgerToHold(db);

    // the same selection again: what is finalized is refused as such, the rest is finalized once
    const rerun = await runToCompletion(startWorker("bulk-finalize.ts", [world.customer.id], url), finalizeSummary);
    expect(rerun).toEqual({ selected: n, finalized: n - half.length, refused: { "This invoice is already finalized; only a draft can be finalized.": half.length } });
    expect(await numbersOf()).toEqual(expectedNumbers(n));
    expect(await counter("invoice", YEAR)).toBe(n + 1);
    expect(await finalizeAudits()).toBe(n);
    console.info(`bulk finalize: killed after ${half.length} of ${n}, the rerun finalized ${rerun.finalized}`);
    await expectLedgerToHold(db);
  });

  it(`imports a ${scale.importRows}-row CSV once across a SIGKILL and a rerun: whole batches, no duplicates`, async () => {
    const n = scale.importRows;
    const rows = generateRows(n, "kill", 7);
    const columns = IMPORT_COLUMN_NAMES.filter((column) => rows.some((row) => row.values[column] !== undefined));
    const file = path.join(folder, "customers.csv");
    writeFileSync(file, [csvLine(columns), ...rows.map((row) => csvLine(columns.map((column) => row.values[column] ?? "")))].join(""));
    const imported = async () => (await db.select({ n: count() }).from(customers).where(like(customers.email, "billing-kill-%")))[0]?.n ?? 0;
    const batches = async () =>
      queryRows<{ batch: number; rows: number }>(
        db,
        sql`select (substring(email from 'billing-kill-([0-9]+)@')::int / ${BATCH_SIZE})::int as batch, count(*)::int as rows
            from customers where email like 'billing-kill-%' group by 1 order by 1`,
      );
    const importAudits = async () => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "customer.imported")))[0]?.n ?? 0;

    await killAtProgress(startWorker("customer-import.ts", [file], url), imported, Math.floor(n / 2));
    // the half state: each batch is there whole or not at all, the first ones in file order
    const half = await batches();
    expect(half.length).toBeGreaterThan(0);
    expect(half).toEqual(half.map((_, i) => ({ batch: i, rows: Math.min(BATCH_SIZE, n - i * BATCH_SIZE) })));
    expect(await importAudits()).toBe(half.length);
    const halfRows = await imported();
    expect(halfRows).toBeLessThan(n);
    await expectLedgerToHold(db);

    const rerun = await runToCompletion(startWorker("customer-import.ts", [file], url), importSummary);
    expect(rerun).toEqual({ rows: n, created: n - halfRows, updated: 0, skipped: halfRows, failed: 0, firstFailures: [] });
    expect(await imported()).toBe(n);
    const duplicates = await queryRows(db, sql`select lower(email) as email, count(*) from customers group by 1 having count(*) > 1`);
    expect(duplicates).toEqual([]);
    expect(await importAudits()).toBe(Math.ceil(n / BATCH_SIZE));
    console.info(`customer import: killed after ${halfRows} of ${n} rows (${half.length} batches), the rerun created ${rerun.created}`);
    await expectLedgerToHold(db);
  });
});

import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, invoices } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import { createFinalizeTestbed } from "../helpers/invoice-finalize";
import { inLanes, runSeed, shuffled } from "./concurrency";
import { reliabilityDatabase } from "./database";
import { expectLedgerToHold } from "./ledger";
import { reliabilityScale } from "./scale";

// Invariant 2 under a crowd: finalizations of many drafts at once across a year boundary, every
// draft submitted twice (a double click, a retried request), some failing after taking their number.
const scale = reliabilityScale();
const { db } = await reliabilityDatabase(scale);
const { world, draftOn, counter, withFailingFinalize } = await createFinalizeTestbed(db);

const FAIL = "FAIL-AFTER-NUMBER";

async function finalizeAudits(ids: string[]) {
  return db
    .select({ entityId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.action, "invoice.finalize"), inArray(auditLog.entityId, ids)));
}

/** The innermost cause: the database's own words under drizzle's "Failed query". */
const rootMessage = (error: unknown): string => (error instanceof Error && error.cause !== undefined ? rootMessage(error.cause) : String(error));

const expectedNumbers = (year: string, n: number) => Array.from({ length: n }, (_, i) => `INV-${year}-${String(i + 1).padStart(5, "0")}`);

describe(`finalizations at once (${scale.name})`, () => {
  it(`numbers ${scale.finalizations} drafts finalized together without a gap or a repeat, each sent twice, one in ten failing`, async () => {
    const seed = runSeed("finalize race");
    const days = ["2033-12-31", "2034-01-01"];
    const drafts = await inLanes(scale.finalizations, 6, async (i) => {
      const rigged = i % 10 === 9;
      return { id: await draftOn(days[i % 2]!, rigged ? { poNumber: FAIL } : {}), year: days[i % 2]!.slice(0, 4), rigged };
    });
    const calls = shuffled([...drafts, ...drafts], seed);
    const outcomes = await withFailingFinalize(() => Promise.allSettled(calls.map((draft) => finalizeInvoice(db, draft.id, world.actor))));

    for (const draft of drafts) {
      const mine = outcomes.filter((_, i) => calls[i]!.id === draft.id);
      const won = mine.filter((outcome) => outcome.status === "fulfilled");
      const refused = mine.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
      if (draft.rigged) {
        // both attempts failed after taking a number; the rollback gave it back
        expect(won).toHaveLength(0);
        for (const reason of refused) expect(rootMessage(reason)).toMatch(/injected failure after the number/);
      } else {
        // one call finalized it; the other found it finalized
        expect(won).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect(refused[0]).toBeInstanceOf(UserError);
        expect(String(refused[0])).toMatch(/already finalized/);
      }
    }

    const stored = await db.select().from(invoices).where(inArray(invoices.id, drafts.map((draft) => draft.id)));
    for (const year of ["2033", "2034"]) {
      const finalized = drafts.filter((draft) => draft.year === year && !draft.rigged);
      const numbers = stored.filter((row) => finalized.some((draft) => draft.id === row.id)).map((row) => row.number ?? "");
      expect(numbers.sort()).toEqual(expectedNumbers(year, finalized.length));
      expect(await counter("invoice", year)).toBe(finalized.length + 1);
    }
    for (const row of stored.filter((candidate) => drafts.find((draft) => draft.id === candidate.id)?.rigged)) {
      expect(row).toMatchObject({ status: "draft", number: null, finalizedAt: null });
    }
    // one audit entry per finalized invoice, none for those that failed
    const audits = await finalizeAudits(drafts.map((draft) => draft.id));
    expect(audits.map((audit) => audit.entityId).sort()).toEqual(drafts.filter((draft) => !draft.rigged).map((draft) => draft.id).sort());
    await expectLedgerToHold(db);
  });

  it(`gives one draft finalized by ${scale.sameDraftCalls} calls at once one number and one audit entry`, async () => {
    const id = await draftOn("2035-03-15");
    const outcomes = await Promise.allSettled(Array.from({ length: scale.sameDraftCalls }, () => finalizeInvoice(db, id, world.actor)));
    const won = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value.number] : []));
    expect(won).toEqual(["INV-2035-00001"]);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") {
        expect(outcome.reason).toBeInstanceOf(UserError);
        expect(String(outcome.reason)).toMatch(/already finalized/);
      }
    }
    const [row] = await db.select().from(invoices).where(eq(invoices.id, id));
    expect(row).toMatchObject({ status: "finalized", number: "INV-2035-00001", version: 2 });
    expect(await counter("invoice", "2035")).toBe(2);
    expect(await finalizeAudits([id])).toHaveLength(1);
    await expectLedgerToHold(db);
  });
});

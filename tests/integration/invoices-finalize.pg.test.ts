import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invoices } from "@/db/schema";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import { createTestDatabase } from "../helpers/db";
import { createFinalizeTestbed } from "../helpers/invoice-finalize";

const { db } = await createTestDatabase();
const { world, draftOn, useFormat, counter, invoice, withFailingFinalize } = await createFinalizeTestbed(db);

describe("numbers under concurrency (PostgreSQL)", () => {
  it("gives 200 drafts finalized in parallel 200 distinct, consecutive numbers", async () => {
    await useFormat("INV-{YYYY}-{SEQ:5}", "yearly");
    const ids = await Promise.all(Array.from({ length: 200 }, () => draftOn("2040-01-15")));
    const results = await Promise.all(ids.map((id) => finalizeInvoice(db, id, world.actor)));
    const numbers = results.map((result) => result.number).sort();
    expect(new Set(numbers).size).toBe(200);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => `INV-2040-${String(i + 1).padStart(5, "0")}`));
    expect(await counter("invoice", "2040")).toBe(201);
    const stored = await db.select({ number: invoices.number }).from(invoices).where(sql`${invoices.number} like 'INV-2040-%'`);
    expect(stored.map((row) => row.number).sort()).toEqual(numbers);
  });

  it("leaves no gap when finalizes fail after taking their number in parallel with others", async () => {
    await useFormat("INV-{YYYY}-{SEQ:5}", "yearly");
    const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => draftOn("2041-06-30", i % 3 === 0 ? { poNumber: "FAIL-AFTER-NUMBER" } : {})));
    const outcomes = await withFailingFinalize(() => Promise.allSettled(ids.map((id) => finalizeInvoice(db, id, world.actor))));
    const numbers = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value.number] : [])).sort();
    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toHaveLength(20);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => `INV-2041-${String(i + 1).padStart(5, "0")}`));
    expect(await counter("invoice", "2041")).toBe(41);
    const failed = ids.filter((_, i) => i % 3 === 0);
    for (const id of failed) expect(await invoice(id)).toMatchObject({ status: "draft", number: null });
  });
});

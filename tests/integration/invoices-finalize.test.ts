import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, invoiceLines, numberSequences } from "@/db/schema";
import { changeCustomerStatus } from "@/lib/customers/commands";
import { createDraft } from "@/lib/invoices/drafts";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import { nextDocumentNumber, numberPeriod } from "@/lib/invoices/numbering";
import { createTestDatabase } from "../helpers/db";
import { createFinalizeTestbed } from "../helpers/invoice-finalize";
import { draftInput, seedInvoiceWorld } from "../helpers/invoices";
import { refusal } from "../helpers/refusal";

const { db } = await createTestDatabase();
const { world, draftOn, useFormat, counter, invoice, withFailingFinalize } = await createFinalizeTestbed(db);

async function auditCount() {
  return (await db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
}

describe("finalizing a draft", () => {
  it("takes the next number of the series, freezes the invoice and audits it", async () => {
    await useFormat("INV-{YYYY}-{SEQ:5}", "yearly");
    const id = await draftOn("2030-04-02");
    expect(await finalizeInvoice(db, id, world.actor)).toEqual({ number: "INV-2030-00001" });
    const row = await invoice(id);
    expect(row).toMatchObject({ status: "finalized", number: "INV-2030-00001", version: 2, total: 52_025n, amountDue: 52_025n });
    expect(row.finalizedAt).toBeInstanceOf(Date);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "invoice.finalize")));
    expect(audit?.before).toMatchObject({ status: "draft", number: null });
    expect(audit?.after).toMatchObject({ status: "finalized", number: "INV-2030-00001", customerId: world.customer.id, total: "52025", currency: "USD" });
    expect(await finalizeInvoice(db, await draftOn("2030-09-30"), world.actor)).toEqual({ number: "INV-2030-00002" });
  });

  it("refuses an empty invoice without taking a number or writing anything", async () => {
    const id = await draftOn("2029-01-05", { lines: [] });
    const audits = await auditCount();
    const error = await refusal(finalizeInvoice(db, id, world.actor));
    expect(error.message).toBe("Add at least one line before finalizing.");
    expect(await invoice(id)).toMatchObject({ status: "draft", number: null, version: 1 });
    expect(await counter("invoice", "2029")).toBeNull();
    expect(await auditCount()).toBe(audits);
  });

  it("refuses to finalize twice", async () => {
    const id = await draftOn("2030-05-01");
    await finalizeInvoice(db, id, world.actor);
    const error = await refusal(finalizeInvoice(db, id, world.actor));
    expect(error.message).toBe("This invoice is already finalized; only a draft can be finalized.");
  });

  it("refuses a draft whose stored figures disagree with its lines, without taking a number", async () => {
    const id = await draftOn("2028-02-02");
    await db.update(invoiceLines).set({ total: sql`${invoiceLines.total} + 1` }).where(eq(invoiceLines.invoiceId, id));
    const error = await refusal(finalizeInvoice(db, id, world.actor));
    expect(error.message).toBe("This draft's totals are out of date. Open it, save it again, then finalize.");
    expect(await invoice(id)).toMatchObject({ status: "draft", number: null });
    expect(await counter("invoice", "2028")).toBeNull();
  });

  it("refuses a draft whose customer was archived since", async () => {
    const other = await seedInvoiceWorld(db);
    const { id } = await createDraft(db, draftInput(other), other.actor);
    await changeCustomerStatus(db, other.customer.id, "archive", other.actor);
    const error = await refusal(finalizeInvoice(db, id, world.actor));
    expect(error.message).toBe(`${other.customer.displayName} is archived. Restore the customer to finalize this invoice.`);
    expect((await invoice(id)).status).toBe("draft");
  });

  it("says an unknown or malformed invoice does not exist", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "INV-1"]) {
      expect((await refusal(finalizeInvoice(db, id, world.actor))).message).toBe("That invoice does not exist.");
    }
  });
});

describe("number formats", () => {
  it("restarts a yearly series each year, by the issue date", async () => {
    await useFormat("INV-{YYYY}-{SEQ:5}", "yearly");
    const numbers = [];
    for (const date of ["2031-12-31", "2031-01-01", "2032-01-01", "2031-06-15"]) numbers.push((await finalizeInvoice(db, await draftOn(date), world.actor)).number);
    expect(numbers).toEqual(["INV-2031-00001", "INV-2031-00002", "INV-2032-00001", "INV-2031-00003"]);
  });

  it("restarts a monthly series each month", async () => {
    await useFormat("F{YY}{MM}-{SEQ:3}", "monthly");
    const numbers = [];
    for (const date of ["2033-11-30", "2033-11-01", "2033-12-01", "2034-01-31"]) numbers.push((await finalizeInvoice(db, await draftOn(date), world.actor)).number);
    expect(numbers).toEqual(["F3311-001", "F3311-002", "F3312-001", "F3401-001"]);
  });

  it("never restarts a series that does not reset, and widens past the padding", async () => {
    await useFormat("N{SEQ:1}/{YYYY}", "never");
    const numbers = [];
    for (const date of ["2035-01-01", "2036-01-01"]) numbers.push((await finalizeInvoice(db, await draftOn(date), world.actor)).number);
    await db.update(numberSequences).set({ nextValue: 10 }).where(and(eq(numberSequences.series, "invoice"), eq(numberSequences.period, "")));
    numbers.push((await finalizeInvoice(db, await draftOn("2036-02-01"), world.actor)).number);
    expect(numbers).toEqual(["N1/2035", "N2/2036", "N10/2036"]);
  });

  it("keeps credit notes in their own series with their own format and the invoice reset", async () => {
    await useFormat("INV-{YYYY}-{SEQ:5}", "yearly", "CN-{YY}-{SEQ:4}");
    const first = await db.transaction((tx) => nextDocumentNumber(tx, "credit_note", new Date("2031-03-01T00:00:00Z")));
    const second = await db.transaction((tx) => nextDocumentNumber(tx, "credit_note", new Date("2031-12-31T00:00:00Z")));
    const nextYear = await db.transaction((tx) => nextDocumentNumber(tx, "credit_note", new Date("2032-01-01T00:00:00Z")));
    expect([first, second, nextYear]).toEqual(["CN-31-0001", "CN-31-0002", "CN-32-0001"]);
    // the invoice series of 2031 went on from where it was
    expect(await counter("invoice", "2031")).toBe(4);
  });

  it("names the period of each reset rule in UTC", () => {
    const date = new Date("2026-11-30T23:59:59Z");
    expect([numberPeriod("never", date), numberPeriod("yearly", date), numberPeriod("monthly", date)]).toEqual(["", "2026", "2026-11"]);
  });
});

describe("a finalize that fails after taking a number", () => {
  it("gives the number back when the new number clashes with an existing one (after a reset change)", async () => {
    await useFormat("C-{YYYY}{MM}-{SEQ:3}", "monthly");
    expect(await finalizeInvoice(db, await draftOn("2038-01-10"), world.actor)).toEqual({ number: "C-203801-001" });
    // yearly now, same format: the 2038 series starts at 1 again, and January's 001 is taken
    await useFormat("C-{YYYY}{MM}-{SEQ:3}", "yearly");
    const clash = await draftOn("2038-01-20");
    const error = await refusal(finalizeInvoice(db, clash, world.actor));
    expect(error.message).toBe(
      "The next invoice number, C-203801-001, is already used by another invoice. Change the invoice number format or reset in Settings, then finalize again.",
    );
    expect(await invoice(clash)).toMatchObject({ status: "draft", number: null });
    expect(await counter("invoice", "2038")).toBeNull();
    // no gap: the next finalize in that series gets 1
    expect(await finalizeInvoice(db, await draftOn("2038-02-01"), world.actor)).toEqual({ number: "C-203802-001" });
  });

  it("rolls the counter back with everything else and leaves no gap", async () => {
    await useFormat("INV-{YYYY}-{SEQ:5}", "yearly");
    const good = await draftOn("2039-03-03");
    const bad = await draftOn("2039-03-03", { poNumber: "FAIL-AFTER-NUMBER" });
    const audits = await auditCount();
    await withFailingFinalize(async () => {
      await expect(finalizeInvoice(db, bad, world.actor)).rejects.toThrow();
    });
    expect(await invoice(bad)).toMatchObject({ status: "draft", number: null, finalizedAt: null });
    expect(await counter("invoice", "2039")).toBeNull();
    expect(await auditCount()).toBe(audits);
    expect(await finalizeInvoice(db, good, world.actor)).toEqual({ number: "INV-2039-00001" });
  });
});

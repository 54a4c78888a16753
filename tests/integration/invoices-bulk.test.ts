import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { rawRows } from "@/db/raw-rows";
import { auditLog, invoices, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { BULK_MAX, runBulk } from "@/lib/invoices/bulk";
import JSZip from "jszip";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import { voidInvoice } from "@/lib/invoices/lifecycle";
import { buildInvoicesZip } from "@/lib/invoices/pdf-zip";
import { seedLargeInvoices } from "@/scripts/large-invoices";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
let actor: Actor;
const MISSING = "00000000-0000-4000-8000-000000000000";

async function idsWithStatus(status: string, count: number): Promise<string[]> {
  const rows = await db.select({ id: invoices.id }).from(invoices).where(sql`${invoices.status} = ${status}`).orderBy(invoices.id).limit(count);
  expect(rows).toHaveLength(count);
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  const [finance] = await db.select({ id: users.id }).from(users).where(eq(users.role, "finance"));
  actor = { userId: finance!.id, label: "finance@demo.cleanpay.test" };
  await seedLargeInvoices(db, { invoices: 400, customers: 5 });
});

describe("the large seed", () => {
  it("builds invoices whose figures follow from their lines, taxes and allocations", async () => {
    const [row] = rawRows<{ invoices: number; bad_lines: number; bad_taxes: number; bad_paid: number; drafts_numbered: number }>(
      await db.execute(sql`
        select
          (select count(*) from invoices)::int as invoices,
          (select count(*) from invoices i where i.subtotal <> (select sum(net) from invoice_lines l where l.invoice_id = i.id)
             or i.tax_total <> (select sum(tax) from invoice_lines l where l.invoice_id = i.id)
             or i.total <> (select sum(total) from invoice_lines l where l.invoice_id = i.id))::int as bad_lines,
          (select count(*) from invoice_lines l where l.tax <> coalesce((select sum(amount) from invoice_line_taxes t where t.line_id = l.id), 0))::int as bad_taxes,
          (select count(*) from invoices i where i.amount_paid <> coalesce((select sum(amount) from allocations a where a.invoice_id = i.id and a.payment_id is not null), 0))::int as bad_paid,
          (select count(*) from invoices where (status = 'draft') <> (number is null))::int as drafts_numbered`),
    );
    expect(row).toEqual({ invoices: 400, bad_lines: 0, bad_taxes: 0, bad_paid: 0, drafts_numbered: 0 });
    const statuses = await db.selectDistinct({ status: invoices.status }).from(invoices);
    expect(statuses.length).toBeGreaterThanOrEqual(7);
  });
});

describe("runBulk", () => {
  it("finalizes each draft in its own transaction and says why the others were refused", async () => {
    const drafts = await idsWithStatus("draft", 2);
    const [sent] = await idsWithStatus("sent", 1);
    const outcomes = await runBulk([...drafts, sent!, MISSING, drafts[0]!], (id) => finalizeInvoice(db, id, actor));
    expect(outcomes).toEqual([
      { id: drafts[0], ok: true },
      { id: drafts[1], ok: true },
      { id: sent, ok: false, error: expect.stringMatching(/already sent; only a draft can be finalized/) },
      { id: MISSING, ok: false, error: "That invoice does not exist." },
    ]);
    const finalized = await db.select({ status: invoices.status, number: invoices.number }).from(invoices).where(sql`${invoices.id} in (${drafts[0]}, ${drafts[1]})`);
    expect(finalized.every((row) => row.status === "finalized" && row.number)).toBe(true);
  });

  it("voids with the one reason, refusing paid invoices, and audits each void", async () => {
    const open = await idsWithStatus("viewed", 2);
    const [paid] = await idsWithStatus("paid", 1);
    const outcomes = await runBulk([open[0]!, paid!, open[1]!], (id) => voidInvoice(db, id, "Duplicate of another invoice", actor));
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ error: expect.stringMatching(/paid/) });
    const voided = await db.select({ status: invoices.status, reason: invoices.voidReason }).from(invoices).where(sql`${invoices.id} in (${open[0]}, ${open[1]})`);
    expect(voided).toEqual([
      { status: "void", reason: "Duplicate of another invoice" },
      { status: "void", reason: "Duplicate of another invoice" },
    ]);
    const audits = await db.select({ entityId: auditLog.entityId }).from(auditLog).where(eq(auditLog.action, "invoice.void"));
    expect(audits.map((audit) => audit.entityId).sort()).toEqual([...open].sort());
  });

  it("reports an unexpected error without its internals, logs it, and goes on", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const outcomes = await runBulk(["a", "b"], async (id) => {
      if (id === "a") throw new Error("connection reset");
    });
    expect(logged).toHaveBeenCalledWith("Bulk action failed for invoice a", expect.any(Error));
    logged.mockRestore();
    expect(outcomes).toEqual([
      { id: "a", ok: false, error: "Something went wrong on our side; this invoice was not changed." },
      { id: "b", ok: true },
    ]);
  });

  it(`refuses more than ${BULK_MAX} ids at once`, async () => {
    await expect(runBulk(Array.from({ length: BULK_MAX + 1 }, (_, i) => String(i)), async () => {})).rejects.toThrow(RangeError);
  });
});

describe("buildInvoicesZip", () => {
  it("zips one PDF per invoice, named by number (a draft by id), leaving out unknown ids", async () => {
    const [paid] = await idsWithStatus("paid", 1);
    const [draft] = await idsWithStatus("draft", 1);
    const [number] = await db.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, paid!));
    const zip = await buildInvoicesZip(db, [paid!, draft!, MISSING], "https://billing.example.test");
    expect(zip).toMatchObject({ included: 2, failed: [] });
    const files = await JSZip.loadAsync(zip.bytes);
    const names = Object.keys(files.files).sort();
    expect(names).toEqual([`${number!.number}.pdf`, `draft-${draft!.slice(0, 8)}.pdf`].sort());
    const pdf = await files.file(names[0]!)!.async("uint8array");
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
  });
});

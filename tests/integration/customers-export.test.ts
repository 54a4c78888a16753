import { and, arrayContains, eq, isNull, sql } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, customers, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { createCustomer, deleteCustomer } from "@/lib/customers/commands";
import { EXPORT_COLUMNS, customersCsvStream, exportBatches, startCustomerExport } from "@/lib/customers/export";
import { parseImportRow, type ImportValues } from "@/lib/customers/import/rows";
import { parseListParams, type SearchParamsInput } from "@/lib/customers/list-params";
import { customerInput, insertCustomers } from "../helpers/customers";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
let actor: Actor;

const BULK = 2500;
const TRICKY = 'Comma, "Quote" &\nnewline Ltd';
const FORMULA = '=HYPERLINK("http://evil.test","click")';

async function readCsv(params: SearchParamsInput, batchSize?: number) {
  const text = await new Response(customersCsvStream(db, parseListParams(params), batchSize)).text();
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { text, header: parsed.meta.fields, rows: parsed.data };
}

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  const [finance] = await db.select({ id: users.id }).from(users).where(eq(users.role, "finance"));
  actor = { userId: finance!.id, label: "finance@demo.cleanpay.test" };
  // 2,500 rows: 10 names shared by many rows (ties across batch edges), 1 in 25 archived (all of
  // them tagged "export"), every 5th tagged "other"; inserted in chunks of 500 that share one created_at each
  await insertCustomers(
    db,
    Array.from({ length: BULK }, (_, i) => ({
      companyName: i === 0 ? TRICKY : i === 1 ? FORMULA : `Bulk ${i % 10}`,
      email: `bulk${i}@example.test`,
      phone: `+2547${String(10_000_000 + i)}`,
      billingCountry: "KE",
      currency: i % 2 ? "KES" : "USD",
      creditLimit: i === 2 ? 123456n : null,
      status: i % 25 === 3 ? ("archived" as const) : ("active" as const),
      tags: i % 5 === 4 ? ["other"] : ["bulk", "export"],
      notes: i === 3 ? "-1 first line\nsecond line" : null,
    })),
  );
  // creation times that differ by microseconds only, in large ties: a cursor that went through a
  // JS Date (milliseconds) would repeat or skip rows
  await db.execute(sql`update customers set created_at = '2024-05-01T00:00:00Z'::timestamptz + (abs(hashtext(id::text)) % 8) * interval '1 microsecond'`);
});

describe("customer CSV export", () => {
  it("exports every matching row once, with the import's column names, not just one page", async () => {
    const { header, rows, text } = await readCsv({ tag: "export" });
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(text.startsWith(`${EXPORT_COLUMNS.join(",")}\r\n`)).toBe(true);
    // tagged "export": 2,000 rows, of which 100 are archived (hidden by default)
    const expected = await db
      .select({ number: customers.number })
      .from(customers)
      .where(and(eq(customers.status, "active"), arrayContains(customers.tags, ["export"])));
    expect(expected).toHaveLength(1900);
    expect(rows.map((row) => row.number).sort()).toEqual(expected.map((row) => row.number).sort());
    expect(new Set(rows.map((row) => row.number)).size).toBe(rows.length);
    expect(rows.every((row) => row.tags === "bulk; export" && row.status === "active")).toBe(true);
  });

  it("follows the list's filters: status, currency, search", async () => {
    expect((await readCsv({ tag: "export", status: "archived" })).rows).toHaveLength(100);
    expect((await readCsv({ tag: "export", includeArchived: "1", currency: "KES" })).rows).toHaveLength(1000);
    const { rows } = await readCsv({ q: "bulk1234@" });
    expect(rows.map((row) => row.email)).toEqual(["bulk1234@example.test"]);
  });

  it("never exports deleted customers", async () => {
    const [victim] = await db.select({ id: customers.id, number: customers.number }).from(customers).where(eq(customers.email, "bulk7@example.test"));
    await deleteCustomer(db, victim!.id, actor);
    const { rows } = await readCsv({ includeArchived: "1" });
    expect(rows.some((row) => row.number === victim!.number)).toBe(false);
    expect(rows).toHaveLength(BULK - 1);
  });

  it("walks keyset batches in every sort without skipping or repeating a row", async () => {
    const live = await db.select({ id: customers.id }).from(customers).where(isNull(customers.deletedAt));
    for (const sort of ["name", "number", "created"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const seen: string[] = [];
        for await (const batch of exportBatches(db, parseListParams({ includeArchived: "1", sort, dir }), 333)) {
          expect(batch.length).toBeLessThanOrEqual(333);
          seen.push(...batch.map((row) => row.id));
          if (seen.length > live.length) break; // a broken cursor would otherwise loop for ever
        }
        expect(seen, `${sort} ${dir}`).toHaveLength(live.length);
        expect(new Set(seen).size, `${sort} ${dir}`).toBe(live.length);
      }
    }
  });

  it("escapes commas, quotes and line breaks and defuses formulas", async () => {
    const { rows, text } = await readCsv({ includeArchived: "1", q: "bulk" }, 1000);
    const byEmail = new Map(rows.map((row) => [row.email, row]));
    expect(byEmail.get("bulk0@example.test")?.company_name).toBe(TRICKY);
    expect(text).toContain('"Comma, ""Quote"" &\nnewline Ltd"');
    expect(byEmail.get("bulk1@example.test")?.company_name).toBe(`'${FORMULA}`);
    expect(byEmail.get("bulk3@example.test")?.notes).toBe("'-1 first line\nsecond line");
    const plain = byEmail.get("bulk2@example.test");
    expect(plain).toMatchObject({ phone: "+254710000002", credit_limit: "1234.56", currency: "USD", auto_send_invoices: "false", send_reminders: "true", language: "en", billing_country: "KE" });
    expect(plain?.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("writes a file the import reads back into the same customer", async () => {
    const values = {
      companyName: "Round Trip GmbH", firstName: "Rita", lastName: "Trip", email: "rita@roundtrip.test", phone: "030 1234567",
      secondaryEmail: "ap@roundtrip.test", billingStreet: "Hauptstr. 1, Hof", billingCity: "Berlin", billingPostalCode: "10115",
      billingCountry: "DE", shippingCity: "Hamburg", shippingCountry: "DE", taxId: "DE123456789", industry: "Textiles",
      website: "roundtrip.test", currency: "EUR", paymentTerms: 15, creditLimit: "2,500.75", preferredPaymentMethod: "bank_transfer",
      tags: "vip, de", notes: 'Says "hello"', autoSendInvoices: true, sendReminders: false, language: "de",
    } as const;
    const result = await createCustomer(db, customerInput(values), actor);
    if (result.status !== "saved") throw new Error("expected a saved customer");
    const { rows } = await readCsv({ q: "round trip" });
    expect(rows).toHaveLength(1);
    const parsed = parseImportRow(rows[0] as ImportValues, { currency: "USD", paymentTerms: 30, language: "en" });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { metadata: _m, ...reimported } = parsed.input;
    const { metadata: _o, ...original } = customerInput(values);
    expect(reimported).toEqual(original);
  });

  it("audits the export with its filters and row count, and names the file by date", async () => {
    const filters = parseListParams({ tag: "export", currency: "usd", page: "4" });
    const started = await startCustomerExport(db, filters, actor, new Date("2025-06-30T10:00:00Z"));
    expect(started.filename).toBe("customers-2025-06-30.csv");
    const text = await new Response(started.stream).text();
    expect(text.trimEnd().split("\r\n")).toHaveLength(started.rowCount + 1);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "customer.exported"));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: actor.userId, entityType: "customer", after: { filters: "tag=export&currency=USD", rowCount: started.rowCount } });
    expect(started.rowCount).toBe(950);
  });
});

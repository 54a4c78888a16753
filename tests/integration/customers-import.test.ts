import { and, count, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, customers, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { listCustomerActivity } from "@/lib/customers/activity";
import { getImportDefaults } from "@/lib/customers/import/defaults";
import { countOutcomes } from "@/lib/customers/import/report";
import type { ImportDefaults, ImportValues } from "@/lib/customers/import/rows";
import { importCustomerBatch, type ImportRow, type RowOutcome } from "@/lib/customers/import/run-batch";
import type { DuplicatePolicy } from "@/lib/customers/import/schemas";
import { createTestDatabase } from "../helpers/db";

const { db } = await createTestDatabase();
let actor: Actor;
let defaults: ImportDefaults;

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  const [finance] = await db.select({ id: users.id }).from(users).where(eq(users.role, "finance"));
  actor = { userId: finance!.id, label: "finance@demo.cleanpay.test" };
  defaults = await getImportDefaults(db);
});

// Row numbers as the wizard sends them: the header is row 1.
const rowsOf = (values: ImportValues[], firstRow = 2): ImportRow[] => values.map((v, i) => ({ rowNumber: firstRow + i, values: v }));
const run = (values: ImportValues[], policy: DuplicatePolicy = "skip", firstRow = 2) => importCustomerBatch(db, rowsOf(values, firstRow), policy, defaults, actor);
const seq = (number: string | undefined) => Number(number?.slice(5));
const byRow = (outcomes: RowOutcome[], row: number) => outcomes.find((o) => o.rowNumber === row)!;
let unique = 0;
const uid = () => `${Date.now().toString(36)}${(unique++).toString(36)}`;

async function customerByEmail(email: string) {
  const [row] = await db.select().from(customers).where(sql`lower(${customers.email}) = ${email.toLowerCase()}`);
  return row;
}

describe("importCustomerBatch", () => {
  it("creates good rows with consecutive numbers, company defaults and one audit row", async () => {
    const tag = uid();
    const outcomes = await run([
      { company_name: `Good One ${tag}`, email: `one-${tag}@example.test`, phone: "0712 345678", billing_country: "ke", tags: "VIP, wholesale" },
      { first_name: "Grace", last_name: `Hopper ${tag}`, currency: "eur", payment_terms: "Net 15", credit_limit: "1,000.50", language: "FR" },
      { company_name: `Good Three ${tag}`, auto_send_invoices: "yes", send_reminders: "no", preferred_payment_method: "Bank transfer" },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["created", "created", "created"]);
    const numbers = outcomes.map((o) => seq(o.number));
    expect(numbers[1]).toBe(numbers[0]! + 1);
    expect(numbers[2]).toBe(numbers[0]! + 2);

    const one = await customerByEmail(`one-${tag}@example.test`);
    expect(one).toMatchObject({ phone: "+254712345678", billingCountry: "KE", tags: ["vip", "wholesale"], currency: "USD", paymentTerms: 30, language: "en", sendReminders: true, createdBy: actor.userId });
    const [grace] = await db.select().from(customers).where(eq(customers.lastName, `Hopper ${tag}`));
    expect(grace).toMatchObject({ currency: "EUR", paymentTerms: 15, creditLimit: 100050n, language: "fr" });
    const [three] = await db.select().from(customers).where(eq(customers.number, outcomes[2]!.number!));
    expect(three).toMatchObject({ autoSendInvoices: true, sendReminders: false, preferredPaymentMethod: "bank_transfer" });

    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "customer.imported"));
    const mine = audits.filter((a) => JSON.stringify(a.after).includes(one!.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ actorId: actor.userId, entityType: "customer" });
    const activity = await listCustomerActivity(db, one!.id);
    expect(activity.items.map((item) => item.summary)).toEqual(["Created by a CSV import"]);
    expect(mine[0]!.after).toMatchObject({ policy: "skip", counts: { created: 3, updated: 0, skipped: 0, failed: 0 } });
  });

  it("fails bad rows with their row number and reason and writes nothing for them", async () => {
    const tag = uid();
    const outcomes = await run([
      { company_name: `Bad email ${tag}`, email: "not-an-email" },
      { company_name: `Bad country ${tag}`, billing_country: "XX" },
      { company_name: `Negative ${tag}`, credit_limit: "-10" },
      { company_name: `Tags ${tag}`, tags: "ok, <script>" },
      { company_name: `${tag}${"x".repeat(10_240)}` },
      { email: `nameless-${tag}@example.test` },
      { company_name: `Fine ${tag}` },
    ]);
    expect(outcomes.map((o) => [o.rowNumber, o.status])).toEqual([
      [2, "failed"], [3, "failed"], [4, "failed"], [5, "failed"], [6, "failed"], [7, "failed"], [8, "created"],
    ]);
    expect(byRow(outcomes, 2).reason).toMatch(/^email: Enter a valid email/);
    expect(byRow(outcomes, 3).reason).toMatch(/^billing_country: /);
    expect(byRow(outcomes, 4).reason).toMatch(/credit_limit: The credit limit cannot be negative/);
    expect(byRow(outcomes, 5).reason).toMatch(/^tags: Tags use letters/);
    expect(byRow(outcomes, 6).reason).toMatch(/^company_name: Use at most 200 characters/);
    expect(byRow(outcomes, 7).reason).toMatch(/company_name: Enter a company name/);
    expect(outcomes.slice(0, 6).every((o) => o.number === undefined)).toBe(true);
    const [written] = await db.select({ n: count() }).from(customers).where(sql`${customers.displayName} like ${`%${tag}%`}`);
    expect(written!.n).toBe(1);
  });

  it("skips duplicates of existing customers and of earlier rows in the batch", async () => {
    const tag = uid();
    const [first] = await run([{ company_name: `Existing ${tag}`, email: `dup-${tag}@example.test`, tax_id: `P05${tag}` }]);
    const outcomes = await run([
      { company_name: `Same email ${tag}`, email: `DUP-${tag}@Example.test` },
      { company_name: `Same tax ${tag}`, tax_id: `p05${tag}`.toLowerCase() },
      { company_name: `New ${tag}`, email: `new-${tag}@example.test` },
      { company_name: `New again ${tag}`, email: `new-${tag}@example.test` },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["skipped", "skipped", "created", "skipped"]);
    expect(byRow(outcomes, 2).reason).toBe(`Duplicate of ${first!.number} (same email).`);
    expect(byRow(outcomes, 3).reason).toBe(`Duplicate of ${first!.number} (same tax id).`);
    expect(byRow(outcomes, 5).reason).toBe("Duplicate of row 4 (same email).");
    const existing = await customerByEmail(`dup-${tag}@example.test`);
    expect(existing).toMatchObject({ companyName: `Existing ${tag}`, version: 1 });
  });

  it("updates existing customers with the filled cells only, and merges duplicates inside the batch", async () => {
    const tag = uid();
    const [created] = await run([{ company_name: `Acme ${tag}`, email: `acme-${tag}@example.test`, phone: "+254712345678", billing_city: "Nairobi", tags: "old" }]);
    const [other] = await run([{ company_name: `Other ${tag}`, tax_id: `TAX${tag}` }]);
    const outcomes = await run(
      [
        { company_name: `Acme Renamed ${tag}`, email: `ACME-${tag}@example.test`, billing_city: "", tags: "new, vip" },
        { company_name: `Acme Renamed ${tag}`, email: `acme-${tag}@example.test`, industry: "Retail" },
        { company_name: `Fresh ${tag}`, email: `fresh-${tag}@example.test`, billing_city: "Mombasa" },
        { first_name: "Fiona", email: `fresh-${tag}@example.test`, industry: "Logistics" },
        { company_name: `Ambiguous ${tag}`, email: `acme-${tag}@example.test`, tax_id: `tax${tag}` },
      ],
      "update",
    );
    expect(outcomes.map((o) => o.status)).toEqual(["updated", "updated", "created", "updated", "failed"]);
    expect(byRow(outcomes, 2).number).toBe(created!.number);
    expect(byRow(outcomes, 5)).toMatchObject({ number: byRow(outcomes, 4).number, reason: "Merged into row 4 (same email)." });
    expect(byRow(outcomes, 6).reason).toContain(`Matches more than one customer: ${created!.number} (same email) and ${other!.number} (same tax id)`);

    const acme = await customerByEmail(`acme-${tag}@example.test`);
    expect(acme).toMatchObject({ companyName: `Acme Renamed ${tag}`, billingCity: "Nairobi", phone: "+254712345678", tags: ["new", "vip"], industry: "Retail", version: 2 });
    const fresh = await customerByEmail(`fresh-${tag}@example.test`);
    expect(fresh).toMatchObject({ companyName: `Fresh ${tag}`, firstName: "Fiona", billingCity: "Mombasa", industry: "Logistics", version: 1 });
    const [otherRow] = await db.select().from(customers).where(eq(customers.number, other!.number!));
    expect(otherRow).toMatchObject({ companyName: `Other ${tag}`, version: 1 });
  });

  it("creates every row under 'create anyway', duplicates included", async () => {
    const tag = uid();
    await run([{ company_name: `Twin ${tag}`, email: `twin-${tag}@example.test` }]);
    const outcomes = await run(
      [
        { company_name: `Twin B ${tag}`, email: `twin-${tag}@example.test` },
        { company_name: `Twin C ${tag}`, email: `twin-${tag}@example.test` },
      ],
      "create",
    );
    expect(outcomes.map((o) => o.status)).toEqual(["created", "created"]);
    const [twins] = await db.select({ n: count() }).from(customers).where(eq(customers.email, `twin-${tag}@example.test`));
    expect(twins!.n).toBe(3);
  });

  it("reports every row of a batch the database refuses as failed and keeps the earlier batch", async () => {
    const tag = uid();
    const batch = (name: string) => Array.from({ length: 5 }, (_, i) => ({ company_name: `${name} ${i} ${tag}` }));
    const first = await run(batch("Committed"), "skip", 2);
    expect(countOutcomes(first).created).toBe(5);
    // Someone restored an old customer with a number the counter has not reached yet: the fourth
    // new row of the next batch collides with it on the unique number index.
    const taken = `CUST-${String(seq(first.at(-1)!.number) + 4).padStart(4, "0")}`;
    await db.insert(customers).values({ number: taken, companyName: `Restored ${tag}`, currency: "USD", paymentTerms: 30 });

    const second = await run([...batch("Doomed"), { company_name: `Bad ${tag}`, email: "nope" }], "skip", 7);
    expect(second.map((o) => o.status)).toEqual(Array(6).fill("failed"));
    expect(second[0]!.reason).toMatch(/^Rows 7–12 were not saved because the database refused the batch \(.*customers_number_key.*\)\. Earlier batches are kept\.$/);
    expect(second[5]!.reason).toMatch(/^email: /);
    const [doomed] = await db.select({ n: count() }).from(customers).where(sql`${customers.companyName} like ${`Doomed % ${tag}`}`);
    expect(doomed!.n).toBe(0);
    const [kept] = await db.select({ n: count() }).from(customers).where(sql`${customers.companyName} like ${`Committed % ${tag}`}`);
    expect(kept!.n).toBe(5);

    // The refused batch gave its numbers back: once the clash is gone the next batch continues the series.
    await db.delete(customers).where(eq(customers.number, taken));
    const third = await run(batch("Retried"), "skip", 7);
    expect(third.map((o) => seq(o.number))).toEqual([1, 2, 3, 4, 5].map((n) => seq(first.at(-1)!.number) + n));
  });

  it("imports 10,000 rows in batches of 500", { timeout: 180_000 }, async () => {
    const tag = uid();
    const all = Array.from({ length: 10_000 }, (_, i) => ({
      company_name: `Bulk ${i} ${tag}`,
      email: `bulk-${i}-${tag}@example.test`,
      phone: `+2547${String(10_000_000 + i).slice(-8)}`,
      billing_country: "KE",
      tax_id: `BULK${tag}${i}`,
      tags: i % 3 ? "bulk" : "bulk, vip",
      credit_limit: String(i * 10),
    }));
    const started = performance.now();
    const outcomes: RowOutcome[] = [];
    for (let start = 0; start < all.length; start += 500) outcomes.push(...(await run(all.slice(start, start + 500), "skip", start + 2)));
    const seconds = (performance.now() - started) / 1000;
    console.log(`[${process.env.TEST_DB}] imported 10,000 customers in ${seconds.toFixed(2)} s (${Math.round(10_000 / seconds)} rows/s)`);

    expect(countOutcomes(outcomes)).toEqual({ created: 10_000, updated: 0, skipped: 0, failed: 0 });
    const numbers = outcomes.map((o) => seq(o.number));
    expect(numbers.at(-1)! - numbers[0]!).toBe(9_999);
    const [stored] = await db.select({ n: count() }).from(customers).where(sql`${customers.companyName} like ${`Bulk % ${tag}`}`);
    expect(stored!.n).toBe(10_000);
    const audits = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "customer.imported"), inArray(auditLog.actorId, [actor.userId!])));
    expect(audits[0]!.n).toBeGreaterThanOrEqual(20);
  });
});

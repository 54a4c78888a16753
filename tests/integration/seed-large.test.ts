import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rawRows } from "@/db/raw-rows";
import { seedIfEmpty } from "@/db/seed";
import { seedLargeInvoices, type LargeSeedResult } from "@/scripts/large-invoices";
import { createTestDatabase } from "../helpers/db";

// The large book on a small size, in chunks of 700 so the chunking is exercised: every figure must
// follow from its rows (invariant 3), as the reports that read it assume.

const { db } = await createTestDatabase();
let first: LargeSeedResult;

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = rawRows<T>(await db.execute(query));
  return row!;
}

async function bookCounts() {
  return one<Record<string, number>>(sql`
    select (select count(*) from invoices)::int as invoices, (select count(*) from invoice_lines)::int as lines,
      (select count(*) from payments)::int as payments, (select count(*) from allocations)::int as allocations,
      (select count(*) from credit_notes)::int as credit_notes, (select count(*) from refunds)::int as refunds,
      (select count(*) from customers where metadata @> '{"seed":"large"}')::int as customers`);
}

beforeAll(async () => {
  await seedIfEmpty(db, () => {});
  first = await seedLargeInvoices(db, { invoices: 2_000, customers: 30, chunk: 700 });
}, 120_000);

describe("seedLargeInvoices", () => {
  it("reports what it added", async () => {
    const counts = await bookCounts();
    expect(first).toMatchObject({ invoices: 2_000, customers: 30, addedInvoices: 2_000 });
    expect(counts).toMatchObject({ invoices: 2_000, customers: 30, lines: first.lines, payments: first.payments, credit_notes: first.creditNotes, refunds: first.refunds });
    expect(first.lines).toBe(6_000);
  });

  it("derives every invoice's paid, credited and due from its allocations", async () => {
    const bad = await one<{ paid: number; credited: number; due: number }>(sql`
      select count(*) filter (where i.amount_paid <> coalesce(a.paid, 0))::int as paid,
        count(*) filter (where i.amount_credited <> coalesce(a.credited, 0))::int as credited,
        count(*) filter (where i.amount_due <> i.total - i.amount_credited - i.amount_paid or i.amount_due < 0)::int as due
      from invoices i
      left join (
        select invoice_id, sum(amount) filter (where payment_id is not null) as paid, sum(amount) filter (where credit_note_id is not null) as credited
        from allocations group by invoice_id
      ) a on a.invoice_id = i.id`);
    expect(bad).toEqual({ paid: 0, credited: 0, due: 0 });
  });

  it("keeps statuses consistent with balances", async () => {
    const bad = await one<{ n: number }>(sql`
      select count(*)::int as n from invoices where not (
        (status = 'paid' and amount_due = 0 and total > 0 and paid_at is not null)
        or (status = 'partial' and amount_paid > 0 and amount_due > 0 and paid_at is null)
        or (status in ('finalized', 'sent', 'viewed') and amount_paid = 0 and amount_due > 0)
        or (status = 'draft' and number is null and amount_paid = 0 and amount_credited = 0 and finalized_at is null)
        or (status = 'void' and amount_paid = 0 and amount_credited = 0 and voided_at is not null)
        or (status = 'uncollectible' and amount_paid = 0 and uncollectible_at is not null))`);
    expect(bad.n).toBe(0);
    const statuses = rawRows<{ status: string }>(await db.execute(sql`select distinct status::text from invoices order by 1`)).map((row) => row.status);
    expect(statuses).toEqual(["draft", "finalized", "paid", "partial", "sent", "uncollectible", "viewed", "void"]);
    const overdue = await one<{ n: number }>(sql`select count(*)::int as n from invoices where status in ('finalized', 'sent', 'viewed', 'partial') and due_date < current_date`);
    expect(overdue.n).toBeGreaterThan(0);
  });

  it("makes line figures add up to the invoice and the taxes to the line", async () => {
    const bad = await one<{ totals: number; taxes: number; rates: number; products: number }>(sql`
      select
        (select count(*) from invoices i join (select invoice_id, sum(net) as net, sum(tax) as tax, sum(total) as total, count(*) as n from invoice_lines group by invoice_id) l
           on l.invoice_id = i.id where i.subtotal <> l.net or i.tax_total <> l.tax or i.total <> l.total or i.total <> i.subtotal + i.tax_total)::int as totals,
        (select count(*) from invoice_lines l where l.tax <> coalesce((select sum(amount) from invoice_line_taxes t where t.line_id = l.id), 0) or l.total <> l.net + l.tax)::int as taxes,
        (select count(distinct tax_rate_id) from invoice_line_taxes)::int as rates,
        (select count(*) from invoice_lines where product_id is null)::int as products`);
    expect(bad).toEqual({ totals: 0, taxes: 0, rates: 2, products: 0 });
  });

  it("never allocates more than a payment holds, and only from succeeded payments", async () => {
    const bad = await one<{ over: number; unsucceeded: number; fees: number }>(sql`
      select
        (select count(*) from payments p join (select payment_id, sum(amount) as net from allocations where payment_id is not null group by payment_id) a
           on a.payment_id = p.id where a.net > p.amount or a.net < 0)::int as over,
        (select count(*) from allocations a join payments p on p.id = a.payment_id where p.status <> 'succeeded')::int as unsucceeded,
        (select count(*) from payments where fee_amount is not null and net_amount <> amount - fee_amount)::int as fees`);
    expect(bad).toEqual({ over: 0, unsucceeded: 0, fees: 0 });
    const kinds = rawRows<{ status: string; gateway: string | null }>(await db.execute(sql`select distinct status::text, gateway::text from payments`));
    expect(kinds).toEqual(
      expect.arrayContaining([
        { status: "succeeded", gateway: null },
        { status: "succeeded", gateway: "stripe" },
        { status: "succeeded", gateway: "paypal" },
        { status: "failed", gateway: "stripe" },
        { status: "pending", gateway: null },
      ]),
    );
  });

  it("makes credit notes and refunds agree with their allocations", async () => {
    const bad = await one<{ credit: number; refundBack: number; refundOver: number }>(sql`
      select
        (select count(*) from credit_notes c where c.total <> (select sum(total) from credit_note_lines l where l.credit_note_id = c.id)
           or c.total <> (select sum(amount) from allocations a where a.credit_note_id = c.id))::int as credit,
        (select count(*) from refunds r where r.status = 'succeeded' and coalesce((select -sum(amount) from allocations a where a.refund_id = r.id), 0) not in (0, r.amount)
           or r.status <> 'succeeded' and exists (select 1 from allocations a where a.refund_id = r.id))::int as "refundBack",
        (select count(*) from refunds r join payments p on p.id = r.payment_id where r.amount > p.amount or p.status <> 'succeeded' or r.refunded_on < p.received_on)::int as "refundOver"`);
    expect(bad).toEqual({ credit: 0, refundBack: 0, refundOver: 0 });
    const refundStatuses = rawRows<{ status: string }>(await db.execute(sql`select distinct status::text from refunds order by 1`)).map((row) => row.status);
    expect(refundStatuses).toEqual(["failed", "pending", "succeeded"]);
    expect(first.creditNotes).toBeGreaterThan(0);
  });

  it("spreads issue dates over about three years with due dates by the customer's terms", async () => {
    const span = await one<{ days: number; currencies: number; off_terms: number }>(sql`
      select (max(issue_date) - min(issue_date))::int as days, count(distinct i.currency)::int as currencies,
        count(*) filter (where i.due_date <> i.issue_date + c.payment_terms or i.currency <> c.currency)::int as off_terms
      from invoices i join customers c on c.id = i.customer_id`);
    expect(span.days).toBeGreaterThan(1_000);
    expect(span.currencies).toBe(6);
    expect(span.off_terms).toBe(0);
  });

  it("adds nothing when run again, and only the difference for a larger book", async () => {
    const before = await bookCounts();
    const again = await seedLargeInvoices(db, { invoices: 2_000, customers: 30, chunk: 700 });
    expect(again).toMatchObject({ invoices: 2_000, addedInvoices: 0, lines: 0, payments: 0 });
    expect(await bookCounts()).toEqual(before);

    const more = await seedLargeInvoices(db, { invoices: 2_300, customers: 30 });
    expect(more).toMatchObject({ invoices: 2_300, customers: 30, addedInvoices: 300, lines: 900 });
    const after = await bookCounts();
    expect(after).toMatchObject({ invoices: 2_300, customers: 30, lines: before.lines! + 900 });
  });
});

// A large, valid invoice book built with set-based SQL (insert … select from generate_series):
// customers, invoices with lines and taxes, and payments with allocations for what is paid, so
// every check constraint holds and balances are derived from rows as invariant 3 says.
// Used by scripts/seed-large.ts and the invoice list bench.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rawRows } from "@/db/raw-rows";
import { customers, taxRates } from "@/db/schema";
import { SYSTEM_ACTOR, writeAudit } from "@/lib/audit";
import { nextCustomerNumbers } from "@/lib/customers/numbers";

export interface LargeSeedOptions {
  invoices: number;
  customers: number;
}

export interface LargeSeedResult extends LargeSeedOptions {
  lines: number;
  payments: number;
  seconds: number;
}

const WORDS = ["Acme", "Baobab", "Cedar", "Delta", "Equator", "Falcon", "Granite", "Harbor", "Indigo", "Jade", "Kilima", "Lakeside", "Meridian", "Nile", "Orchid", "Pioneer", "Quartz", "Savanna", "Tusker", "Umoja"];
const KINDS = ["Trading", "Logistics", "Foods", "Holdings", "Traders", "Supplies", "Ventures", "Motors", "Pharma", "Textiles"];
const ITEMS = ["Consulting hours", "Hosting (monthly)", "Support plan", "Hardware", "Training session", "Delivery"];
const textArray = (items: readonly string[]) => sql`array[${sql.join(items.map((item) => sql`${item}`), sql`, `)}]::text[]`;

/** The 16% VAT rate the demo seed makes, or a new one when it is missing. */
async function vatRate(tx: Db): Promise<string> {
  const [found] = await tx.select({ id: taxRates.id }).from(taxRates).where(and(eq(taxRates.percent, "16.000"), eq(taxRates.compound, false)));
  if (found) return found.id;
  const [created] = await tx.insert(taxRates).values({ name: "VAT 16%", percent: "16.000" }).returning({ id: taxRates.id });
  return created!.id;
}

/** Customers in a currency mix (USD 45%, EUR 20%, KES 15%, GBP 10%, JPY 5%, KWD 5%), tagged in metadata. */
async function insertCustomers(tx: Db, count: number): Promise<void> {
  const numbers = await nextCustomerNumbers(tx, count);
  await tx.execute(sql`
    insert into ${customers} (number, company_name, email, currency, payment_terms, billing_country, metadata)
    select n.number,
      (${textArray(WORDS)})[1 + n.i % 20] || ' ' || (${textArray(KINDS)})[1 + (n.i / 20) % 10] || ' ' || n.i,
      'billing-' || n.i || '@large.example.test',
      (array['USD','USD','USD','USD','USD','USD','USD','USD','USD','EUR','EUR','EUR','EUR','KES','KES','KES','GBP','GBP','JPY','KWD'])[1 + n.i % 20],
      (array[0, 15, 30, 30, 45, 60])[1 + n.i % 6],
      (array['US','DE','KE','GB','JP','KW'])[1 + n.i % 6],
      '{"seed":"large"}'::jsonb
    from jsonb_array_elements_text(${JSON.stringify(numbers)}::jsonb) with ordinality as n(number, i)`);
  await tx.execute(sql`
    create temp table seed_customers on commit drop as
    select (row_number() over (order by c.number))::int as k, c.id, c.currency, c.payment_terms
    from ${customers} c where c.number in (select jsonb_array_elements_text(${JSON.stringify(numbers)}::jsonb))`);
}

/**
 * One row per invoice to make: customer, dates over the last two years, a status from a hash of g
 * (5% draft, 8% finalized, 20% sent, 8% viewed, 8% partial, 44% paid, 4% void, 3% uncollectible),
 * except that after 90 days seven in eight of the drafts and open invoices have been paid, as in a
 * real book: what stays open that long is the overdue tail.
 */
async function planInvoices(tx: Db, count: number, customerCount: number): Promise<void> {
  await tx.execute(sql`
    create temp table seed_plan on commit drop as
    select g, gen_random_uuid() as id, gen_random_uuid() as payment_id, c.id as customer_id, c.currency,
      issue_date, issue_date + c.payment_terms as due_date, 1 + g % 5 as line_count,
      case when b < 49 and age > 90 and g % 8 <> 0 then 'paid'
           when b < 5 then 'draft' when b < 13 then 'finalized' when b < 33 then 'sent' when b < 41 then 'viewed'
           when b < 49 then 'partial' when b < 93 then 'paid' when b < 97 then 'void' else 'uncollectible' end::invoice_status as status
    from (
      select g, age, (current_date - age)::date as issue_date, ((g::bigint * 2654435761) % 4294967296) % 100 as b
      from generate_series(1, ${count}::int) g, lateral (select (g * 7) % 730 as age) a
    ) s
    join seed_customers c on c.k = 1 + (g * 7919) % ${customerCount}::int`);
  // lines: quantity 1–10 (stored ×10,000), price in minor units, 16% VAT on two lines in three
  await tx.execute(sql`
    create temp table seed_lines on commit drop as
    select l.*, l.net + l.tax as total
    from (
      select p.id as invoice_id, gen_random_uuid() as id, pos, p.g,
        (${textArray(ITEMS)})[1 + (p.g + pos) % 6] as description,
        (1 + (p.g + pos) % 10)::bigint as units,
        (100 * (5 + (p.g * 31 + pos * 17) % 500))::bigint as unit_price,
        (1 + (p.g + pos) % 10)::bigint * (100 * (5 + (p.g * 31 + pos * 17) % 500))::bigint as net,
        case when (p.g + pos) % 3 = 0 then 0::bigint
             else ((1 + (p.g + pos) % 10)::bigint * (100 * (5 + (p.g * 31 + pos * 17) % 500))::bigint * 16 + 50) / 100 end as tax
      from seed_plan p, generate_series(1, p.line_count) pos
    ) l`);
}

async function insertRows(tx: Db, vatId: string): Promise<void> {
  // numbers INV-<year>-L<seq>: never what the real series (INV-2026-00001) gives, so both coexist
  const [offset] = rawRows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from invoices where number like 'INV-%-L%'`));
  await tx.execute(sql`
    insert into invoices (id, number, customer_id, status, currency, issue_date, due_date, subtotal, discount_total, tax_total, total,
      amount_paid, amount_credited, amount_due, public_link_nonce, finalized_at, sent_at, viewed_at, view_count, paid_at, voided_at, void_reason, uncollectible_at, created_at, updated_at)
    select p.id,
      case when p.status = 'draft' then null else 'INV-' || to_char(p.issue_date, 'YYYY') || '-L' || lpad((p.g + ${offset?.n ?? 0}::int)::text, 6, '0') end,
      p.customer_id, p.status, p.currency, p.issue_date, p.due_date, s.subtotal, 0, s.tax, s.total,
      s.paid, 0, s.total - s.paid,
      -- 32 hex digits like the app's nonce (122 random bits; the uuid's fixed bits carry none)
      replace(gen_random_uuid()::text, '-', ''),
      case when p.status <> 'draft' then p.issue_date::timestamptz end,
      case when p.status not in ('draft', 'finalized') then p.issue_date::timestamptz + interval '1 hour' end,
      case when p.status in ('viewed', 'partial', 'paid') then p.issue_date::timestamptz + interval '1 day' end,
      case when p.status in ('viewed', 'partial', 'paid') then 1 else 0 end,
      case when p.status = 'paid' then p.due_date::timestamptz end,
      case when p.status = 'void' then p.issue_date::timestamptz + interval '2 days' end,
      case when p.status = 'void' then 'Issued by mistake' end,
      case when p.status = 'uncollectible' then p.due_date::timestamptz + interval '90 days' end,
      p.issue_date::timestamptz, p.issue_date::timestamptz
    from seed_plan p
    join (
      select invoice_id, sum(net)::bigint as subtotal, sum(tax)::bigint as tax, sum(total)::bigint as total,
        case max(pl.status::text) when 'paid' then sum(total)::bigint when 'partial' then sum(total)::bigint / 2 else 0 end as paid
      from seed_lines l join seed_plan pl on pl.id = l.invoice_id group by invoice_id
    ) s on s.invoice_id = p.id
    -- in the order of the main list index: far fewer page splits than random uuid order
    order by p.issue_date, p.id`);
  await tx.execute(sql`
    insert into invoice_lines (id, invoice_id, position, description, unit, quantity, unit_price, discount_percent, gross, discount, net, document_discount, taxable, tax, total)
    select id, invoice_id, pos, description, 'unit', units * 10000, unit_price, 0, net, 0, net, 0, net, tax, total from seed_lines order by invoice_id, pos`);
  await tx.execute(sql`
    insert into invoice_line_taxes (line_id, tax_rate_id, name, percent, compound, amount)
    select id, ${vatId}::uuid, 'VAT 16%', 16.000, false, tax from seed_lines where (g + pos) % 3 <> 0 order by id`);
  // one payment per paid or partly paid invoice, allocated in full to it
  const [payOffset] = rawRows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from payments where number like 'PAY-L%'`));
  await tx.execute(sql`
    insert into payments (id, number, customer_id, currency, amount, method, status, received_on, created_at, updated_at)
    select p.payment_id, 'PAY-L' || lpad((p.g + ${payOffset?.n ?? 0}::int)::text, 6, '0'), i.customer_id, i.currency, i.amount_paid,
      (array['bank_transfer','mpesa','card','cash','check','paypal'])[1 + p.g % 6]::payment_method, 'succeeded',
      least(p.due_date, current_date), p.due_date::timestamptz, p.due_date::timestamptz
    from seed_plan p join invoices i on i.id = p.id where i.amount_paid > 0`);
  await tx.execute(sql`
    insert into allocations (invoice_id, payment_id, amount, created_at)
    select p.id, p.payment_id, i.amount_paid, p.due_date::timestamptz from seed_plan p join invoices i on i.id = p.id where i.amount_paid > 0`);
}

/** Builds the book in one transaction (all or nothing), then refreshes the planner's statistics. */
export async function seedLargeInvoices(db: Db, options: LargeSeedOptions): Promise<LargeSeedResult> {
  const started = performance.now();
  const counts = await db.transaction(async (tx) => {
    await insertCustomers(tx, options.customers);
    await planInvoices(tx, options.invoices, options.customers);
    // temp tables have no statistics until analyzed, and the joins below plan far better with them
    await tx.execute(sql`analyze seed_plan, seed_lines`);
    await insertRows(tx, await vatRate(tx));
    const [row] = rawRows<{ lines: number; payments: number }>(
      await tx.execute(sql`select (select count(*) from seed_lines)::int as lines, (select count(*) from seed_plan p join invoices i on i.id = p.id where i.amount_paid > 0)::int as payments`),
    );
    const result = { ...options, lines: row?.lines ?? 0, payments: row?.payments ?? 0 };
    await writeAudit(tx, SYSTEM_ACTOR, { action: "invoice.seeded_large", entityType: "invoice", after: result });
    return result;
  });
  await db.execute(sql`analyze customers, invoices, invoice_lines, invoice_line_taxes, payments, allocations`);
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}

// Copies one planned chunk (scripts/large-plan.ts) into the real tables, each table in one
// insert … select, in index order where that saves page splits.
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rawRows } from "@/db/raw-rows";
import { orderedUuid } from "./large-refs";

/** 8 digits: lpad cuts longer strings, and the large book numbers up to 10,000,000 invoices. */
const seq = (column: ReturnType<typeof sql>) => sql`lpad((${column})::text, 8, '0')`;
const at = (day: ReturnType<typeof sql>, hours: number) => sql`(${day})::timestamptz + ${`${hours} hours`}::interval`;

async function insertInvoices(tx: Db): Promise<void> {
  // numbers INV-<year>-L<seq>: never what the real series (INV-2026-00001) gives, so both coexist
  await tx.execute(sql`
    insert into invoices (id, number, customer_id, status, currency, issue_date, due_date, subtotal, discount_total, tax_total, total,
      amount_paid, amount_credited, amount_due, public_link_nonce, finalized_at, sent_at, viewed_at, view_count, paid_at, voided_at, void_reason, uncollectible_at, created_at, updated_at)
    select id,
      case when status = 'draft' then null else 'INV-' || to_char(issue_date, 'YYYY') || '-L' || ${seq(sql`g`)} end,
      customer_id, status, currency, issue_date, due_date, subtotal, 0, tax, total,
      paid, credited, due,
      -- 32 hex digits like the app's nonce (122 random bits; the uuid's fixed bits carry none)
      replace(gen_random_uuid()::text, '-', ''),
      case when status <> 'draft' then issue_date::timestamptz end,
      case when planned not in ('draft', 'finalized') then ${at(sql`issue_date`, 1)} end,
      case when planned in ('viewed', 'partial', 'paid') then ${at(sql`issue_date`, 24)} end,
      case when planned in ('viewed', 'partial', 'paid') then 1 else 0 end,
      case when status = 'paid' then ${at(sql`greatest(received_on, credit_on)`, 10)} end,
      case when status = 'void' then ${at(sql`issue_date`, 48)} end,
      case when status = 'void' then 'Issued by mistake' end,
      case when status = 'uncollectible' then least(due_date + 90, current_date)::timestamptz end,
      issue_date::timestamptz, issue_date::timestamptz
    from seed_money
    order by seed_money.issue_date, seed_money.id`);
}

async function insertLines(tx: Db): Promise<void> {
  await tx.execute(sql`
    insert into invoice_lines (id, invoice_id, position, product_id, description, unit, quantity, unit_price, discount_percent, gross, discount, net, document_discount, taxable, tax, total)
    select id, invoice_id, pos, product_id, description, 'unit', units * 10000, unit_price, 0, net, 0, net, 0, net, tax, total from seed_lines order by g, pos`);
  await tx.execute(sql`
    insert into invoice_line_taxes (id, line_id, tax_rate_id, name, percent, compound, amount)
    select ${orderedUuid(sql`g * 8 + pos`)}, id, tax_rate_id, case when currency = 'USD' then 'Sales tax 8.875%' else 'VAT 16%' end,
      case when currency = 'USD' then 8.875 else 16.000 end, false, tax
    from seed_lines where tax_rate_id is not null order by g, pos`);
}

/** A credit note for line 1 of the invoices planned with one, allocated to the invoice. */
async function insertCreditNotes(tx: Db): Promise<void> {
  await tx.execute(sql`
    insert into credit_notes (id, number, invoice_id, customer_id, currency, reason, issue_date, subtotal, tax_total, total, created_at, updated_at)
    select m.credit_note_id, 'CN-L' || ${seq(sql`m.g`)}, m.id, m.customer_id, m.currency, 'Goods returned', m.credit_on, l.net, l.tax, l.total,
      ${at(sql`m.credit_on`, 9)}, ${at(sql`m.credit_on`, 9)}
    from seed_money m join seed_lines l on l.id = m.first_line_id where m.credit`);
  await tx.execute(sql`
    insert into credit_note_lines (credit_note_id, invoice_line_id, position, description, quantity, net, tax, total)
    select m.credit_note_id, l.id, 1, l.description, l.units * 10000, l.net, l.tax, l.total
    from seed_money m join seed_lines l on l.id = m.first_line_id where m.credit`);
}

/**
 * The payment for each paid or partly paid invoice (card through Stripe and PayPal through PayPal,
 * with fees; the rest recorded by staff), failed card attempts and pending bank-transfer submissions.
 */
async function insertPayments(tx: Db): Promise<void> {
  await tx.execute(sql`
    insert into payments (id, number, customer_id, invoice_id, currency, amount, method, status, origin, received_on, gateway,
      gateway_checkout_id, gateway_payment_id, fee_amount, net_amount, succeeded_at, created_at, updated_at)
    select payment_id, 'PAY-L' || ${seq(sql`g`)}, customer_id, case when gateway is not null then id end, currency, amount, method, 'succeeded',
      case when gateway is null then 'staff' else 'customer' end::payment_origin, received_on, gateway,
      case gateway when 'stripe' then 'cs_L' || g when 'paypal' then 'PPO-L' || g end,
      case gateway when 'stripe' then 'pi_L' || g when 'paypal' then 'PPC-L' || g end,
      fee, amount - fee, ${at(sql`received_on`, 10)}, ${at(sql`received_on`, 10)}, ${at(sql`received_on`, 10)}
    from (
      select m.*, m.pay + m.extra as amount,
        case m.method when 'card' then 'stripe' when 'paypal' then 'paypal' end::gateway as gateway,
        case m.method when 'card' then ((m.pay + m.extra) * 29 + 500) / 1000 when 'paypal' then ((m.pay + m.extra) * 34 + 500) / 1000 end as fee
      from seed_money m where m.pay > 0
    ) p
    order by p.g`);
  await tx.execute(sql`
    insert into payments (id, number, customer_id, invoice_id, currency, amount, method, status, origin, received_on, gateway, gateway_checkout_id, failure_reason, created_at, updated_at)
    select ${orderedUuid(sql`g * 4 + 1`)}, 'PAY-LF' || ${seq(sql`g`)}, customer_id, id, currency, total - credited, 'card', 'failed', 'customer', least(issue_date + 1, current_date),
      'stripe', 'cs_LF' || g, 'Your card was declined.', ${at(sql`least(issue_date + 1, current_date)`, 11)}, ${at(sql`least(issue_date + 1, current_date)`, 11)}
    from seed_money where attempt`);
  await tx.execute(sql`
    insert into payments (id, number, customer_id, invoice_id, currency, amount, method, status, origin, received_on, reference, created_at, updated_at)
    select ${orderedUuid(sql`g * 4 + 2`)}, 'PAY-LP' || ${seq(sql`g`)}, customer_id, id, currency, due, 'bank_transfer', 'pending', 'customer', current_date, 'TRX-L' || g, now(), now()
    from seed_money where status in ('finalized', 'sent', 'viewed', 'partial') and g % 89 = 4`);
}

/** Refunds of the payments planned with one: succeeded ones with money back or from overpayment, failed, pending. */
async function insertRefunds(tx: Db): Promise<void> {
  await tx.execute(sql`
    insert into refunds (id, customer_id, payment_id, currency, amount, method, status, origin, reason, gateway, gateway_refund_id, failure_reason, refunded_on, created_at, updated_at)
    select m.refund_id, m.customer_id, m.payment_id, m.currency,
      case when m.refund_kind in (5, 6) then m.extra else m.pay / 4 end,
      m.method, case m.refund_kind when 7 then 'failed' when 8 then 'pending' else 'succeeded' end::refund_status,
      case when m.refund_kind = 9 and p.gateway is not null then 'gateway' else 'staff' end::refund_origin,
      case when m.refund_kind in (5, 6) then 'Overpayment returned' else 'Goods returned' end,
      p.gateway, case when p.gateway is not null and m.refund_kind <> 8 then 're_L' || m.g end,
      case when m.refund_kind = 7 then 'The card issuer refused the refund.' end,
      m.refund_on, ${at(sql`m.refund_on`, 15)}, ${at(sql`m.refund_on`, 15)}
    from seed_money m join payments p on p.id = m.payment_id where m.refund_kind is not null`);
}

/** Invariant 3: the payment and credit-note rows the invoice balances are sums of, and refunds' negative rows. */
async function insertAllocations(tx: Db): Promise<void> {
  await tx.execute(sql`
    insert into allocations (id, invoice_id, payment_id, credit_note_id, amount, refund_id, created_at)
    select ${orderedUuid(sql`n`)}, invoice_id, payment_id, credit_note_id, amount, refund_id, created_at
    from (
      select g * 4 as n, id as invoice_id, payment_id, null::uuid as credit_note_id, pay as amount, null::uuid as refund_id, ${at(sql`received_on`, 10)} as created_at
      from seed_money where pay > 0
      union all
      select g * 4 + 1, id, null, credit_note_id, credited, null, ${at(sql`credit_on`, 9)} from seed_money where credit
      union all
      select g * 4 + 2, id, payment_id, null, -back, refund_id, ${at(sql`refund_on`, 15)} from seed_money where back > 0
    ) a
    order by n`);
}

export interface ChunkCounts {
  lines: number;
  payments: number;
  creditNotes: number;
  refunds: number;
}

export async function insertChunk(tx: Db): Promise<ChunkCounts> {
  // in this order: each step reads the rows the previous ones wrote (refunds join their payments)
  for (const step of [insertInvoices, insertLines, insertCreditNotes, insertPayments, insertRefunds, insertAllocations]) await step(tx);
  const [row] = rawRows<ChunkCounts>(
    await tx.execute(sql`
      select (select count(*) from seed_lines)::int as lines,
        (select count(*) from seed_money where pay > 0)::int + (select count(*) from seed_money where attempt)::int
          + (select count(*) from seed_money where status in ('finalized', 'sent', 'viewed', 'partial') and g % 89 = 4)::int as payments,
        (select count(*) from seed_money where credit)::int as "creditNotes",
        (select count(*) from seed_money where refund_kind is not null)::int as refunds`),
  );
  return row ?? { lines: 0, payments: 0, creditNotes: 0, refunds: 0 };
}

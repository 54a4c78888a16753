import { sql, type SQL } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db";
import { queryRows } from "@/db/raw-rows";

// The ledger identities every reliability scenario must leave true. Each is one statement that
// returns the rows breaking it, so a failure names the identity and shows the offending rows.
// Money is selected ::text: sums of bigint are numeric, which the driver would hand back as floats.

/** Documents that take a number, with the counter series (number_sequences.series) behind each. */
const NUMBERED = sql`
  select 'invoice' as kind, number from invoices where number is not null
  union all select 'payment', number from payments
  union all select 'receipt', receipt_number from payments where receipt_number is not null
  union all select 'credit_note', number from credit_notes
  union all select 'customer', number from customers`;

export const LEDGER_IDENTITIES: Record<string, SQL> = {
  // lib/invoices/balance.ts: paid and credited are the sums of the allocation rows (reversals and
  // refunds included), amount_due = total − credited − paid, never below zero
  invoiceBalance: sql`
    select i.id, i.number, i.total::text, i.amount_paid::text, i.amount_credited::text, i.amount_due::text,
           a.paid::text as allocated_paid, a.credited::text as allocated_credited
    from invoices i
    cross join lateral (
      select coalesce(sum(amount) filter (where payment_id is not null), 0) as paid,
             coalesce(sum(amount) filter (where credit_note_id is not null), 0) as credited
      from allocations where invoice_id = i.id) a
    where i.amount_paid <> a.paid or i.amount_credited <> a.credited
       or i.amount_due <> i.total - a.paid - a.credited or i.amount_due < 0`,

  // the stored status follows the balance: paid exactly when nothing is due, partial when part is paid
  invoiceStatus: sql`
    select id, number, status, total::text, amount_paid::text, amount_due::text from invoices
    where status not in ('draft', 'void', 'uncollectible')
      and (case when status = 'paid' then 'paid' when status = 'partial' then 'partial' else 'open' end)
       <> (case when amount_due = 0 and total > 0 then 'paid' when amount_paid > 0 then 'partial' else 'open' end)`,

  // a received payment allocates at most what is left after refunds paid back; the rest is customer
  // credit (lib/payments/credit.ts); a payment that never succeeded allocates nothing, a voided one
  // has every allocation reversed
  paymentAllocations: sql`
    select p.id, p.number, p.status, p.amount::text, a.allocated::text, r.refunded::text
    from payments p
    cross join lateral (select coalesce(sum(amount), 0) as allocated, count(*) as rows from allocations where payment_id = p.id) a
    cross join lateral (select coalesce(sum(amount), 0) as refunded from refunds where payment_id = p.id and status = 'succeeded') r
    where a.allocated < 0
       or (p.status = 'succeeded' and a.allocated + r.refunded > p.amount)
       or (p.status = 'voided' and a.allocated <> 0)
       or (p.status in ('pending', 'failed', 'rejected') and a.rows > 0)`,

  // money taken off one invoice never exceeds what the payment put on it
  allocationNets: sql`
    select payment_id, invoice_id, sum(amount)::text as net from allocations
    where payment_id is not null group by payment_id, invoice_id having sum(amount) < 0`,

  // pending and succeeded refunds together never exceed the payment (lib/refunds/ledger.ts)
  refundLimits: sql`
    select p.id, p.number, p.amount::text, sum(r.amount)::text as refunded
    from payments p join refunds r on r.payment_id = p.id and r.status <> 'failed'
    group by p.id, p.number, p.amount having sum(r.amount) > p.amount`,

  // only a succeeded refund takes money off invoices, and at most its own amount, from its own payment
  refundAllocations: sql`
    select r.id, r.status, r.amount::text, coalesce(sum(a.amount), 0)::text as taken_back
    from refunds r left join allocations a on a.refund_id = r.id
    group by r.id, r.status, r.amount
    having (r.status <> 'succeeded' and count(a.id) > 0) or -coalesce(sum(a.amount), 0) > r.amount
        or bool_or(a.id is not null and a.payment_id is distinct from r.payment_id)`,

  // a payment settled by a gateway or approved by staff has its receipt number; nothing else has one
  receiptNumbers: sql`
    select id, number, status, origin, receipt_number from payments
    where (status = 'succeeded' and origin <> 'staff' and receipt_number is null)
       or (status not in ('succeeded', 'voided') and receipt_number is not null)`,

  // each notice about one payment or refund goes to each recipient once
  noticesOnce: sql`
    select template, entity_id, to_addresses, count(*) as copies from email_messages
    where template in ('receipt', 'payment-received-staff', 'refund')
    group by template, entity_id, to_addresses having count(*) > 1`,

  // every series is 1..n with no gap and no number twice (invariant 2)
  numberSeries: sql`
    with parsed as (
      select kind, regexp_replace(number, '[0-9]+$', '') as prefix, substring(number from '[0-9]+$')::bigint as seq
      from (${NUMBERED}) numbered)
    select kind, prefix, count(*) as used, count(distinct seq) as distinct_numbers, min(seq) as first, max(seq) as last
    from parsed group by kind, prefix
    having count(*) <> count(distinct seq) or min(seq) <> 1 or max(seq) <> count(*)`,

  // the counters gave out exactly the numbers the documents carry: none taken and lost
  numberCounters: sql`
    with documents as (select kind, count(*) as used from (${NUMBERED}) numbered group by kind),
    counters as (
      select case when series = 'test_invoice' then 'invoice' else series end as kind, sum(next_value - 1) as given
      from number_sequences group by 1)
    select coalesce(d.kind, c.kind) as kind, coalesce(d.used, 0) as used, coalesce(c.given, 0) as given
    from documents d full join counters c on c.kind = d.kind
    where coalesce(d.used, 0) <> coalesce(c.given, 0)`,
};

/** The identities that do not hold, each with its offending rows (empty object: the ledger is sound). */
export async function ledgerViolations(db: Db): Promise<Record<string, Record<string, unknown>[]>> {
  const broken: Record<string, Record<string, unknown>[]> = {};
  for (const [name, query] of Object.entries(LEDGER_IDENTITIES)) {
    const rows = await queryRows(db, query);
    if (rows.length > 0) broken[name] = rows;
  }
  return broken;
}

export async function expectLedgerToHold(db: Db): Promise<void> {
  expect(await ledgerViolations(db)).toEqual({});
}

import { sql, type SQL } from "drizzle-orm";
import type { PeriodParams } from "./params";

// The customer statement as one statement. Every document that changes what the customer owes is
// an entry with a signed amount in its own currency:
//   invoice (non-draft)        + total            on its issue date
//   invoice voided             − amount due left  on the (UTC) date it was voided
//   payment (succeeded)        − amount           on the date received
//   credit note                − total            on its issue date
//   refund (succeeded)         + amount           on the date refunded (of a payment or a credit note)
// The balance is what the customer owes; unallocated credit makes it negative. Opening balance =
// Σ entries before `from`; the running balance is a window sum over every entry up to `to`, so it
// starts from the opening balance; closing balance = Σ entries up to `to`.

/** entry kinds in their order within one day */
export const ENTRY_RANK = { invoice: 1, payment: 2, credit_note: 3, refund: 4, void: 5 } as const;
export type EntryKind = keyof typeof ENTRY_RANK;

/** a constant of the SQL text, not a parameter (a parameter would be typed text in the union) */
const rank = (kind: EntryKind) => sql.raw(String(ENTRY_RANK[kind]));

function entries(customerId: string, currency: string | undefined): SQL {
  const inCurrency = (column: SQL) => (currency ? sql`and ${column} = ${currency}` : sql``);
  return sql`
    select 'invoice' as kind, ${rank("invoice")} as rank, i.id, i.number, null::text as ref, null::text as method,
      i.currency, i.issue_date as date, i.total as amount
    from invoices i
    where i.customer_id = ${customerId}::uuid and i.status <> 'draft' ${inCurrency(sql`i.currency`)}
    union all
    select 'void', ${rank("void")}, i.id, i.number, null, null, i.currency, (i.voided_at at time zone 'UTC')::date, -i.amount_due
    from invoices i
    where i.customer_id = ${customerId}::uuid and i.status = 'void' and i.amount_due > 0 ${inCurrency(sql`i.currency`)}
    union all
    select 'payment', ${rank("payment")}, p.id, p.number, p.reference, p.method::text, p.currency, p.received_on, -p.amount
    from payments p
    where p.customer_id = ${customerId}::uuid and p.status = 'succeeded' ${inCurrency(sql`p.currency`)}
    union all
    select 'credit_note', ${rank("credit_note")}, cn.id, cn.number, ci.number, null, cn.currency, cn.issue_date, -cn.total
    from credit_notes cn
    join invoices ci on ci.id = cn.invoice_id
    where cn.customer_id = ${customerId}::uuid ${inCurrency(sql`cn.currency`)}
    union all
    select 'refund', ${rank("refund")}, r.id, coalesce(rp.number, rc.number), r.origin::text, r.method::text, r.currency, r.refunded_on, r.amount
    from refunds r
    left join payments rp on rp.id = r.payment_id
    left join credit_notes rc on rc.id = r.credit_note_id
    where r.customer_id = ${customerId}::uuid and r.status = 'succeeded' ${inCurrency(sql`r.currency`)}`;
}

/**
 * Lines in order per currency: 'opening' (balance at the start of `from`), each 'entry' dated in
 * the period with its running balance, 'closing' (Σ charges and credits in the period, balance at
 * the end of `to`). A customer id is required; without one the statement selects nothing.
 */
export function statementQuery(params: PeriodParams): SQL {
  if (!params.customerId) return sql`select null as line where false`;
  const { from, to } = params;
  return sql`
    with entries as (${entries(params.customerId, params.currency)}),
    ledger as (
      select e.*, sum(e.amount) over (
        partition by e.currency order by e.date, e.rank, e.number, e.id rows between unbounded preceding and current row
      ) as balance
      from entries e where e.date <= ${to}::date
    )
    select 'opening' as line, 0 as line_rank, currency, ${from}::text as date, 0 as rank, null::text as kind, null::uuid as id,
      null::text as number, null::text as ref, null::text as method,
      '0' as debit, '0' as credit, coalesce(sum(amount) filter (where date < ${from}::date), 0)::text as balance
    from ledger group by currency
    union all
    select 'entry', 1, currency, to_char(date, 'YYYY-MM-DD'), rank, kind, id, number, ref, method,
      greatest(amount, 0)::text, greatest(-amount, 0)::text, balance::text
    from ledger where date >= ${from}::date
    union all
    select 'closing', 2, currency, ${to}::text, 0, null, null, null, null, null,
      coalesce(sum(amount) filter (where date >= ${from}::date and amount > 0), 0)::text,
      coalesce(-sum(amount) filter (where date >= ${from}::date and amount < 0), 0)::text,
      sum(amount)::text
    from ledger group by currency
    order by currency, line_rank, date, rank, number, id`;
}

export type StatementLine = {
  line: "opening" | "entry" | "closing";
  currency: string;
  date: string;
  kind: EntryKind | null;
  id: string | null;
  number: string | null;
  ref: string | null;
  method: string | null;
  debit: string;
  credit: string;
  balance: string;
};

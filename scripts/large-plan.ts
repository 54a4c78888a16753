// What one chunk of the large book will be, as temp tables (dropped at commit): seed_plan (one row
// per invoice with its status, dates and what happens to it), seed_lines, then seed_money with every
// figure derived from the lines, so the insert step only copies. All from generate_series.
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { orderedUuid, textArray, uuidArray, ITEMS, type LargeRefs } from "./large-refs";

/** Three years of issue dates. */
const DAYS = 1095;

/**
 * Invoices g = from…to. Status from a hash of g (5% draft, 8% finalized, 20% sent, 8% viewed,
 * 8% partial, 44% paid, 4% void, 3% uncollectible), except that after 90 days seven in eight of
 * the drafts and open ones have been paid, as in a real book: what stays open that long is the
 * overdue tail. Customers are skewed (power 1.5), so a few are busy. Rare events, by g:
 * credit note on 1 in 200 finalized invoices with two lines or more; on 1 in 150 paid ones a
 * refund (six in ten take money back off the invoice, two return an overpayment, one failed,
 * one pending); a failed card attempt on 1 in 97; a pending bank-transfer submission on 1 in 89 open ones.
 */
export async function planChunk(tx: Db, from: number, to: number, customerCount: number): Promise<void> {
  await tx.execute(sql`
    create temp table seed_plan on commit drop as
    select q.*,
      q.planned not in ('draft', 'void') and q.line_count >= 2 and q.g % 200 = 3 as credit,
      -- 0–4 and 9: money back off the invoice; 5, 6: overpayment returned; 7: failed; 8: pending
      case when q.planned = 'paid' and q.g % 150 = 7 then (q.g / 150 * 3) % 10 end as refund_kind,
      q.planned <> 'draft' and q.g % 97 = 5 as attempt
    from (
      select g, ${orderedUuid(sql`g`)} as id, c.id as customer_id, c.currency, c.payment_terms as terms,
        issue_date, issue_date + c.payment_terms as due_date, 1 + g % 5 as line_count,
        case when b < 49 and age > 90 and g % 8 <> 0 then 'paid'
             when b < 5 then 'draft' when b < 13 then 'finalized' when b < 33 then 'sent' when b < 41 then 'viewed'
             when b < 49 then 'partial' when b < 93 then 'paid' when b < 97 then 'void' else 'uncollectible' end::invoice_status as planned
      from (
        select g, age, (current_date - age)::date as issue_date, ((g::bigint * 2654435761) % 4294967296) % 100 as b,
          (((g::bigint * 40503) % 65536) + 0.5)::float8 / 65536 as pick
        from generate_series(${from}::int, ${to}::int) g, lateral (select (g * 7) % ${DAYS}::int as age) a
      ) s
      join seed_customers c on c.k = 1 + floor(${customerCount}::int * power(pick, 1.5))::int
    ) q`);
  await tx.execute(sql`analyze seed_plan`);
}

/** Lines: quantity 1–10 (stored × 10,000), a price, a product; taxed on two lines in three. */
export async function planLines(tx: Db, refs: LargeRefs): Promise<void> {
  await tx.execute(sql`
    create temp table seed_lines on commit drop as
    select l.invoice_id, l.id, l.pos, l.g, l.currency, l.units, l.unit_price, l.net, l.tax, l.net + l.tax as total,
      (${textArray(ITEMS)})[l.item] as description, (${uuidArray(refs.productIds)})[l.item] as product_id,
      case when l.tax = 0 then null when l.currency = 'USD' then ${refs.salesTaxId}::uuid else ${refs.vatId}::uuid end as tax_rate_id
    from (
      select x.*, x.units * x.unit_price as net,
        case when (x.g + x.pos) % 3 = 0 then 0::bigint
             when x.currency = 'USD' then (x.units * x.unit_price * 8875 + 50000) / 100000
             else (x.units * x.unit_price * 16 + 50) / 100 end as tax
      from (
        select p.id as invoice_id, ${orderedUuid(sql`p.g * 8 + pos`)} as id, pos, p.g, p.currency, 1 + (p.g + pos) % 6 as item,
          (1 + (p.g + pos) % 10)::bigint as units, (100 * (5 + (p.g * 31 + pos * 17) % 500))::bigint as unit_price
        from seed_plan p, generate_series(1, p.line_count) pos
      ) x
    ) l`);
}

/**
 * Per invoice: totals from its lines; the credit note takes line 1; `pay` is what the payment
 * allocates (all or half of what is left after the credit), `back` what a refund takes back off
 * it, `extra` an overpayment; the stored status follows the balance like refreshInvoiceBalance.
 */
export async function planMoney(tx: Db): Promise<void> {
  await tx.execute(sql`
    create temp table seed_money on commit drop as
    select m.*, m.total - m.credited - m.paid as due,
      case when m.planned in ('draft', 'void', 'uncollectible') then m.planned
           when m.total - m.credited - m.paid = 0 then 'paid'
           when m.paid > 0 then 'partial'
           when m.planned in ('partial', 'paid') then 'viewed'
           else m.planned end::invoice_status as status,
      least(m.issue_date + (m.g * 13) % (m.terms + 21), current_date) as received_on,
      least(m.issue_date + 3 + m.g % 7, current_date) as credit_on,
      least(m.issue_date + (m.g * 13) % (m.terms + 21) + 5 + m.g % 20, current_date) as refund_on,
      (array['bank_transfer','mpesa','card','cash','check','paypal'])[1 + m.g % 6]::payment_method as method
    from (
      select k.*, k.pay - k.back as paid
      from (
        select j.*,
          case j.planned when 'paid' then j.total - j.credited when 'partial' then (j.total - j.credited) / 2 else 0 end as pay,
          case when j.refund_kind in (0, 1, 2, 3, 4, 9) then (j.total - j.credited) / 4 else 0 end as back,
          case when j.refund_kind in (5, 6) then greatest((j.total - j.credited) / 10, 1) else 0 end as extra
        from (
          select p.*, ${orderedUuid(sql`p.g * 4`)} as payment_id, ${orderedUuid(sql`p.g`)} as credit_note_id, ${orderedUuid(sql`p.g`)} as refund_id,
            s.subtotal, s.tax, s.total, case when p.credit then s.first_total else 0 end as credited, s.first_line_id
          from seed_plan p
          join (
            select invoice_id, sum(net)::bigint as subtotal, sum(tax)::bigint as tax, sum(total)::bigint as total,
              min(total) filter (where pos = 1) as first_total, (array_agg(id) filter (where pos = 1))[1] as first_line_id
            from seed_lines group by invoice_id
          ) s on s.invoice_id = p.id
        ) j
      ) k
    ) m`);
  await tx.execute(sql`analyze seed_lines, seed_money`);
}

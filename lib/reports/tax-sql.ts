import { sql, type SQL } from "drizzle-orm";
import type { PeriodParams } from "./params";
import { invoicedFilter } from "./revenue-sql";
import { allOf, endOfDay, equalsIfGiven, periodLabel, periodSeries, periodStart, sumText, type PeriodUnit } from "./sql";

// The tax statement: per currency, period and tax (name + percent), the tax on invoices issued in
// the period less the tax on credit notes issued in it, with the taxable amounts.
//
// A credit note line stores one tax figure, not one per rate. It credits part of one invoice line,
// so its tax is split over that line's taxes in proportion to their amounts, exactly (largest
// remainder: the parts always add up to the credit line's tax). A line with one tax, the usual
// case, gets it all. The credited base of each tax is the credit line's net, as the invoice side
// counts the line's taxable amount once under each of its taxes.

export type TaxParams = PeriodParams & { by: PeriodUnit };

/** Credit notes issued in the period, on invoices not void by its end. */
function creditFilter(params: PeriodParams): SQL {
  return allOf(
    sql`cn.issue_date between ${params.from}::date and ${params.to}::date`,
    sql`(ci.voided_at is null or ci.voided_at >= ${endOfDay(params.to)})`,
    equalsIfGiven(sql`cn.currency`, params.currency),
    equalsIfGiven(sql`cn.customer_id`, params.customerId),
  );
}

export function taxQuery(params: TaxParams): SQL {
  const unit = params.by;
  return sql`
    with invoiced as (
      select i.currency, ${periodStart(sql`i.issue_date`, unit)} as period, lt.name, lt.percent, sum(l.taxable) as base, sum(lt.amount) as tax
      from invoices i
      join invoice_lines l on l.invoice_id = i.id
      join invoice_line_taxes lt on lt.line_id = l.id
      where ${invoicedFilter(params)}
      group by 1, 2, 3, 4
    ),
    credit_parts as (
      select cn.currency, ${periodStart(sql`cn.issue_date`, unit)} as period, lt.name, lt.percent, cl.id as credit_line, cl.net, cl.tax as credit_tax,
        lt.tax_rate_id,
        -- a line taxed at 0% still has a base to credit, and nothing to split
        case when l.tax = 0 then 0 else div(cl.tax::numeric * lt.amount, l.tax) end as floor_share,
        case when l.tax = 0 then 0 else mod(cl.tax::numeric * lt.amount, l.tax) end as remainder
      from credit_notes cn
      join invoices ci on ci.id = cn.invoice_id
      join credit_note_lines cl on cl.credit_note_id = cn.id
      join invoice_lines l on l.id = cl.invoice_line_id
      join invoice_line_taxes lt on lt.line_id = l.id
      where ${creditFilter(params)}
    ),
    credit_shares as (
      select *,
        row_number() over (partition by credit_line order by remainder desc, tax_rate_id) as place,
        credit_tax - sum(floor_share) over (partition by credit_line) as units_left
      from credit_parts
    ),
    credited as (
      select currency, period, name, percent, sum(net) as base, sum(floor_share + case when place <= units_left then 1 else 0 end) as tax
      from credit_shares
      group by 1, 2, 3, 4
    ),
    taxes as (select currency, name, percent from invoiced union select currency, name, percent from credited),
    periods as (${periodSeries(params.from, params.to, unit)}),
    grid as (select t.currency, t.name, t.percent, s.period from taxes t cross join periods s),
    grouped as (
      select g.currency, g.period, g.name, g.percent, grouping(g.period) = 1 as is_total,
        ${sumText(sql`inv.base`)} as "invoicedBase", ${sumText(sql`inv.tax`)} as "invoicedTax",
        ${sumText(sql`cr.base`)} as "creditedBase", ${sumText(sql`cr.tax`)} as "creditedTax",
        (coalesce(sum(inv.tax), 0) - coalesce(sum(cr.tax), 0))::text as "netTax"
      from grid g
      left join invoiced inv on inv.currency = g.currency and inv.period = g.period and inv.name = g.name and inv.percent = g.percent
      left join credited cr on cr.currency = g.currency and cr.period = g.period and cr.name = g.name and cr.percent = g.percent
      group by grouping sets ((g.currency, g.period, g.name, g.percent), (g.currency))
    )
    select currency, is_total as "isTotal", period::text as "periodStart", ${periodLabel(sql`period`, unit)} as period,
      name as "taxName", percent::text as percent, "invoicedBase", "invoicedTax", "creditedBase", "creditedTax", "netTax"
    from grouped
    order by grouped.currency, grouped.is_total, grouped.period, grouped.percent, grouped.name`;
}

import { sql, type SQL } from "drizzle-orm";
import type { PeriodParams } from "./params";
import { allOf, endOfDay, equalsIfGiven, periodLabel, periodSeries, periodStart, sumText, type PeriodUnit } from "./sql";

// The revenue statements: invoiced (document totals by issue date) against collected (money
// received by received-on date, less refunds of payments by refunded-on date), per currency.
// A void is read as of the end of the period, like aging: an invoice voided (or a payment voided)
// after the period still counts in it, so a closed period's figures do not move afterwards.

export const REVENUE_BY = ["month", "quarter", "customer", "product"] as const;
export type RevenueBy = (typeof REVENUE_BY)[number];
export type RevenueParams = PeriodParams & { by: RevenueBy };

/** Invoices that count as invoiced in the period: issued in it, not a draft, not void by its end. */
export function invoicedFilter(params: PeriodParams, alias = sql`i`): SQL {
  return allOf(
    sql`${alias}.issue_date between ${params.from}::date and ${params.to}::date`,
    sql`${alias}.status <> 'draft'`,
    sql`(${alias}.voided_at is null or ${alias}.voided_at >= ${endOfDay(params.to)})`,
    equalsIfGiven(sql`${alias}.currency`, params.currency),
    equalsIfGiven(sql`${alias}.customer_id`, params.customerId),
  );
}

function receivedFilter(params: PeriodParams): SQL {
  return allOf(
    sql`p.received_on between ${params.from}::date and ${params.to}::date`,
    sql`(p.status = 'succeeded' or (p.status = 'voided' and p.voided_at >= ${endOfDay(params.to)}))`,
    equalsIfGiven(sql`p.currency`, params.currency),
    equalsIfGiven(sql`p.customer_id`, params.customerId),
  );
}

/** Money paid back out of payments (refunds of a credit note's excess were never collected). */
function refundedFilter(params: PeriodParams): SQL {
  return allOf(
    sql`r.refunded_on between ${params.from}::date and ${params.to}::date`,
    sql`r.status = 'succeeded'`,
    sql`r.payment_id is not null`,
    equalsIfGiven(sql`r.currency`, params.currency),
    equalsIfGiven(sql`r.customer_id`, params.customerId),
  );
}

/** The three per-(currency, key) sums, `key` being a period start or a customer id. */
function flows(params: PeriodParams, keys: { invoice: SQL; payment: SQL; refund: SQL }): SQL {
  return sql`
    invoiced as (
      select i.currency, ${keys.invoice} as key, sum(i.total) as amount
      from invoices i where ${invoicedFilter(params)} group by 1, 2
    ),
    received as (
      select p.currency, ${keys.payment} as key, sum(p.amount) as amount
      from payments p where ${receivedFilter(params)} group by 1, 2
    ),
    refunded as (
      select r.currency, ${keys.refund} as key, sum(r.amount) as amount
      from refunds r where ${refundedFilter(params)} group by 1, 2
    )`;
}

/** The summed money columns over a `grid` (currency, key) left-joined to the three flows. */
const flowSums = sql`
  ${sumText(sql`inv.amount`)} as invoiced, ${sumText(sql`rec.amount`)} as received, ${sumText(sql`ref.amount`)} as refunded,
  (coalesce(sum(rec.amount), 0) - coalesce(sum(ref.amount), 0))::text as collected`;

const flowJoins = sql`
  left join invoiced inv on inv.currency = g.currency and inv.key = g.key
  left join received rec on rec.currency = g.currency and rec.key = g.key
  left join refunded ref on ref.currency = g.currency and ref.key = g.key`;

/** Every month or quarter of the range, for each currency with money in it (or the chosen one). */
export function revenueByPeriodQuery(params: PeriodParams, unit: PeriodUnit): SQL {
  const currencies = params.currency
    ? sql`select ${params.currency}::char(3) as currency`
    : sql`select currency from invoiced union select currency from received union select currency from refunded`;
  return sql`
    with ${flows(params, { invoice: periodStart(sql`i.issue_date`, unit), payment: periodStart(sql`p.received_on`, unit), refund: periodStart(sql`r.refunded_on`, unit) })},
    periods as (${periodSeries(params.from, params.to, unit)}),
    grid as (select c.currency, s.period as key from (${currencies}) c cross join periods s),
    grouped as (
      select g.currency, g.key, grouping(g.key) = 1 as is_total, ${flowSums}
      from grid g ${flowJoins}
      group by grouping sets ((g.currency, g.key), (g.currency))
    )
    select currency, is_total as "isTotal", key::text as "periodStart", ${periodLabel(sql`key`, unit)} as period,
      invoiced, received, refunded, collected
    from grouped
    order by currency, is_total, key`;
}

/** One row per customer with any invoiced or collected money in the range. */
export function revenueByCustomerQuery(params: PeriodParams): SQL {
  return sql`
    with ${flows(params, { invoice: sql`i.customer_id`, payment: sql`p.customer_id`, refund: sql`r.customer_id` })},
    grid as (select currency, key from invoiced union select currency, key from received union select currency, key from refunded),
    grouped as (
      select g.currency, g.key, grouping(g.key) = 1 as is_total, ${flowSums}
      from grid g ${flowJoins}
      group by grouping sets ((g.currency, g.key), (g.currency))
    )
    select g.currency, g.is_total as "isTotal", g.key as "customerId", c.display_name as "customerName", c.number as "customerNumber",
      g.invoiced, g.received, g.refunded, g.collected
    from grouped g left join customers c on c.id = g.key
    order by g.currency, g.is_total, g.invoiced::numeric desc, c.display_name, c.number`;
}

/**
 * One row per product on the invoices of the range: line amounts after discounts, before tax
 * (`taxable`), their tax, and the two together; payments are not per product, so no collected.
 */
export function revenueByProductQuery(params: PeriodParams): SQL {
  // grouped plainly first (which can run in parallel), then rolled up per currency over few rows
  return sql`
    with per_product as (
      select i.currency, l.product_id as key, sum(l.taxable) as net, sum(l.tax) as tax, sum(l.total) as gross
      from invoices i join invoice_lines l on l.invoice_id = i.id
      where ${invoicedFilter(params)}
      group by 1, 2
    ),
    grouped as (
      select currency, key, grouping(key) = 1 as is_total, ${sumText(sql`net`)} as net, ${sumText(sql`tax`)} as tax, ${sumText(sql`gross`)} as gross
      from per_product
      group by grouping sets ((currency, key), (currency))
    )
    select g.currency, g.is_total as "isTotal", g.key as "productId", p.name as "productName", p.sku, g.net, g.tax, g.gross
    from grouped g left join products p on p.id = g.key
    order by g.currency, g.is_total, g.net::numeric desc, p.name nulls last`;
}

export function revenueQuery(params: RevenueParams): SQL {
  if (params.by === "customer") return revenueByCustomerQuery(params);
  if (params.by === "product") return revenueByProductQuery(params);
  return revenueByPeriodQuery(params, params.by);
}

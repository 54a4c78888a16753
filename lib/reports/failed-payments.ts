import { sql, type SQL } from "drizzle-orm";
import { periodParams, type PeriodParams } from "./params";
import { gatewayLabel, methodLabel, paymentStatusLabel } from "./payments-labels";
import { periodWhere } from "./payments-shared";
import type { ReportColumn, ReportDefinition, ReportRow } from "./types";
import { queryRows, minorCell } from "@/db/raw-rows";

// Payments that did not go through in the period (by received_on): declined by the gateway
// (failed) or turned down by staff (rejected), each with its reason; totals and the most common
// reasons per currency come from the same statement.

/** how many reasons the chart shows per currency */
export const TOP_REASONS = 10;
const NO_REASON = "No reason given";

function failedPaymentsQuery(params: PeriodParams): SQL {
  const where = periodWhere(params, { date: sql`p.received_on`, currency: sql`p.currency`, customerId: sql`p.customer_id` });
  return sql`
    with failed as (
      select p.id, p.number, to_char(p.received_on, 'YYYY-MM-DD') as date, p.received_on, p.status::text as status,
        p.method::text as method, coalesce(p.gateway::text, 'manual') as gateway, p.currency, p.amount,
        coalesce(nullif(btrim(case when p.status = 'rejected' then p.reject_reason else p.failure_reason end), ''), ${NO_REASON}) as reason,
        c.display_name as customer, p.customer_id, i.number as invoice_number
      from payments p
      join customers c on c.id = p.customer_id
      left join invoices i on i.id = p.invoice_id
      where ${where} and p.status in ('failed', 'rejected')
    ),
    reasons as (
      select currency, reason, count(*)::int as count, sum(amount) as amount,
        row_number() over (partition by currency order by count(*) desc, sum(amount) desc, reason) as place
      from failed group by currency, reason
    )
    select 'row' as line, id::text, number, date, status, method, gateway, currency, amount::text, reason, customer,
      customer_id::text, invoice_number, 1 as count, received_on
    from failed
    union all
    select 'total', null, null, null, null, null, null, currency, sum(amount)::text, null, null, null, null, count(*)::int, null
    from failed group by currency
    union all
    select 'reason', null, null, null, null, null, null, currency, amount::text, reason, null, null, null, count, null
    from reasons where place <= ${TOP_REASONS}
    order by currency, line, received_on desc nulls last, number, count desc, reason`;
}

type Raw = {
  line: "row" | "total" | "reason";
  id: string | null;
  number: string | null;
  date: string | null;
  status: string | null;
  method: string | null;
  gateway: string | null;
  currency: string;
  amount: string;
  reason: string | null;
  customer: string | null;
  customer_id: string | null;
  invoice_number: string | null;
  count: number;
};

const COLUMNS: ReportColumn[] = [
  { key: "date", label: "Date", kind: "date" },
  { key: "number", label: "Payment", kind: "text" },
  { key: "customer", label: "Customer", kind: "text" },
  { key: "invoiceNumber", label: "Invoice", kind: "text" },
  { key: "status", label: "Status", kind: "text" },
  { key: "method", label: "Method", kind: "text" },
  { key: "gateway", label: "Gateway", kind: "text" },
  { key: "reason", label: "Reason", kind: "text" },
  { key: "currency", label: "Currency", kind: "text" },
  { key: "count", label: "Payments", kind: "count" },
  { key: "amount", label: "Amount", kind: "money" },
];

const toRow = (raw: Raw): ReportRow => ({
  id: raw.id,
  date: raw.date,
  number: raw.number,
  customer: raw.customer,
  customerId: raw.customer_id,
  invoiceNumber: raw.invoice_number,
  status: raw.status === null ? null : paymentStatusLabel(raw.status),
  method: raw.method === null ? null : methodLabel(raw.method),
  gateway: raw.gateway === null ? null : gatewayLabel(raw.gateway),
  reason: raw.reason,
  currency: raw.currency,
  count: Number(raw.count),
  amount: minorCell(raw.amount),
});

// "Total" in the first text column: the date column holds only dates
const totalRow = (raw: Raw): ReportRow => ({ ...toRow(raw), date: null, number: "Total", customer: null, invoiceNumber: null, reason: null });

export const failedPaymentsReport: ReportDefinition<PeriodParams> = {
  id: "failed-payments",
  title: "Failed payments",
  description: "Payments declined by a gateway or rejected by staff in the period, with the reason, per currency.",
  params: periodParams,
  query: failedPaymentsQuery,
  async run(db, params) {
    const raw = await queryRows<Raw>(db, failedPaymentsQuery(params));
    const reasons = raw.filter((row) => row.line === "reason");
    const byCurrency = new Map<string, ReportRow[]>();
    for (const row of reasons) byCurrency.set(row.currency, [...(byCurrency.get(row.currency) ?? []), { reason: row.reason, count: Number(row.count), amount: minorCell(row.amount) }]);
    return {
      columns: COLUMNS,
      rows: raw.filter((row) => row.line === "row").map(toRow),
      totals: raw.filter((row) => row.line === "total").map(totalRow),
      chart: {
        kind: "bar",
        xKey: "reason",
        series: [{ key: "count", label: "Payments" }],
        points: [...byCurrency].map(([currency, values]) => ({ currency, values })),
      },
    };
  },
};

import { sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { gatewayLabel, methodLabel, paymentStatusLabel } from "./payments-labels";
import { choiceParam, periodWhere, pointsByCurrency, splitTotals, withPeriod } from "./payments-shared";
import type { ReportColumn, ReportDefinition, ReportRow } from "./types";
import { queryRows, minorCell } from "@/db/raw-rows";

// Payments received in the period (by received_on), per method, gateway or status, per currency.
// By method and by gateway count the money received (succeeded); by status shows every attempt.

const GROUPINGS = ["method", "gateway", "status"] as const;
export type PaymentsGrouping = (typeof GROUPINGS)[number];

export const paymentsParams = withPeriod({ by: choiceParam(GROUPINGS, "method") });
export type PaymentsParams = z.output<typeof paymentsParams>;

const GROUP: Record<PaymentsGrouping, { expression: SQL; title: string; label: (key: string) => string }> = {
  method: { expression: sql`payments.method::text`, title: "Method", label: methodLabel },
  // a payment with no gateway was recorded by hand (or submitted for approval)
  gateway: { expression: sql`coalesce(payments.gateway::text, 'manual')`, title: "Gateway", label: gatewayLabel },
  status: { expression: sql`payments.status::text`, title: "Status", label: paymentStatusLabel },
};

function paymentsQuery(params: PaymentsParams): SQL {
  const group = GROUP[params.by].expression;
  const where = periodWhere(params, { date: sql`payments.received_on`, currency: sql`payments.currency`, customerId: sql`payments.customer_id` });
  const status = params.by === "status" ? sql`true` : sql`payments.status = 'succeeded'`;
  // one row per (currency, group) and one total per currency, from the same scan
  return sql`
    select payments.currency as currency, ${group} as group_key, grouping(${group}) as is_total,
      count(*)::int as count,
      coalesce(sum(payments.amount), 0)::text as amount,
      coalesce(sum(payments.fee_amount), 0)::text as fees,
      coalesce(sum(coalesce(payments.net_amount, payments.amount - coalesce(payments.fee_amount, 0))), 0)::text as net,
      -- money received through a gateway that has not reported its fee (yet): net is an upper bound
      (count(*) filter (where payments.status = 'succeeded' and payments.gateway is not null and payments.fee_amount is null))::int as fees_unknown
    from payments
    where ${where} and ${status}
    group by grouping sets ((payments.currency, ${group}), (payments.currency))
    order by payments.currency, grouping(${group}), sum(payments.amount) desc, ${group}`;
}

type Raw = { currency: string; group_key: string | null; is_total: number; count: number; amount: string; fees: string; net: string; fees_unknown: number };

function columns(by: PaymentsGrouping): ReportColumn[] {
  return [
    { key: "group", label: GROUP[by].title, kind: "text" },
    { key: "currency", label: "Currency", kind: "text" },
    { key: "count", label: "Payments", kind: "count" },
    { key: "amount", label: "Amount", kind: "money" },
    { key: "fees", label: "Fees", kind: "money" },
    { key: "net", label: "Net", kind: "money" },
    { key: "feesUnknown", label: "Fees not reported", kind: "count" },
  ];
}

function toRow(raw: Raw, by: PaymentsGrouping): ReportRow {
  return {
    group: raw.group_key === null ? "Total" : GROUP[by].label(raw.group_key),
    groupKey: raw.group_key,
    currency: raw.currency,
    count: Number(raw.count),
    amount: minorCell(raw.amount),
    fees: minorCell(raw.fees),
    net: minorCell(raw.net),
    feesUnknown: Number(raw.fees_unknown),
  };
}

export const paymentsReport: ReportDefinition<PaymentsParams> = {
  id: "payments",
  title: "Payments",
  description: "Payments received in the period by method, gateway or status, with gateway fees and net, per currency.",
  params: paymentsParams,
  query: paymentsQuery,
  async run(db, params) {
    const raw = await queryRows<Raw>(db, paymentsQuery(params));
    const { rows, totals } = splitTotals(raw, (row) => toRow(row, params.by));
    return {
      columns: columns(params.by),
      rows,
      totals,
      chart: {
        kind: params.by === "status" ? "bar" : "pie",
        xKey: "group",
        series: [{ key: "amount", label: "Amount" }],
        points: pointsByCurrency(rows, (row) => ({ group: row.group ?? null, amount: row.amount ?? null, count: row.count ?? null })),
      },
    };
  },
};

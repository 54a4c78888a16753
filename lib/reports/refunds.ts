import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { enumListParam } from "@/lib/url-params";
import { methodLabel, refundOriginLabel, refundStatusLabel } from "./payments-labels";
import { choiceParam, periodWhere, splitTotals, withPeriod } from "./payments-shared";
import type { ReportColumn, ReportDefinition, ReportRow } from "./types";
import { queryRows, minorCell } from "@/db/raw-rows";

// Money paid back in the period (by refunded_on), per origin, method or month, per currency.
// Succeeded refunds only unless `status` asks for pending or failed ones too.

const GROUPINGS = ["origin", "method", "month"] as const;
export type RefundsGrouping = (typeof GROUPINGS)[number];
const STATUSES = ["succeeded", "pending", "failed"] as const;
export type RefundStatusFilter = (typeof STATUSES)[number];

export const refundsParams = withPeriod({
  by: choiceParam(GROUPINGS, "origin"),
  status: enumListParam(STATUSES)
    .catch([])
    .transform((list): RefundStatusFilter[] => (list.length === 0 ? ["succeeded"] : list)),
});
export type RefundsParams = z.output<typeof refundsParams>;

const monthLabel = (key: string) => new Date(`${key}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

const GROUP: Record<RefundsGrouping, { expression: SQL; title: string; label: (key: string) => string }> = {
  origin: { expression: sql`refunds.origin::text`, title: "Origin", label: refundOriginLabel },
  method: { expression: sql`refunds.method::text`, title: "Method", label: methodLabel },
  month: { expression: sql`to_char(refunds.refunded_on, 'YYYY-MM')`, title: "Month", label: monthLabel },
};

function refundsQuery(params: RefundsParams): SQL {
  const group = GROUP[params.by].expression;
  const where = periodWhere(params, { date: sql`refunds.refunded_on`, currency: sql`refunds.currency`, customerId: sql`refunds.customer_id` });
  const statuses = sql.join(params.status.map((status) => sql`${status}`), sql`, `);
  return sql`
    select refunds.currency as currency, ${group} as group_key, refunds.status::text as status,
      grouping(${group}) as is_total,
      count(*)::int as count,
      coalesce(sum(refunds.amount), 0)::text as amount
    from refunds
    where ${where} and refunds.status::text in (${statuses})
    group by grouping sets ((refunds.currency, ${group}, refunds.status), (refunds.currency))
    order by refunds.currency, grouping(${group}), ${params.by === "month" ? group : sql`sum(refunds.amount) desc, ${group}`},
      array_position(array['succeeded', 'pending', 'failed'], refunds.status::text)`;
}

type Raw = { currency: string; group_key: string | null; status: string | null; is_total: number; count: number; amount: string };

const columns = (by: RefundsGrouping): ReportColumn[] => [
  { key: "group", label: GROUP[by].title, kind: "text" },
  { key: "status", label: "Status", kind: "text" },
  { key: "currency", label: "Currency", kind: "text" },
  { key: "count", label: "Refunds", kind: "count" },
  { key: "amount", label: "Amount", kind: "money" },
];

const toRow = (raw: Raw, by: RefundsGrouping): ReportRow => ({
  group: raw.group_key === null ? "Total" : GROUP[by].label(raw.group_key),
  groupKey: raw.group_key,
  status: raw.status === null ? "" : refundStatusLabel(raw.status),
  statusKey: raw.status,
  currency: raw.currency,
  count: Number(raw.count),
  amount: minorCell(raw.amount),
});

/** One bar per group with one series per status shown, per currency. */
function chartPoints(rows: readonly ReportRow[]) {
  const byCurrency = new Map<string, Map<string, ReportRow>>();
  for (const row of rows) {
    const currency = String(row.currency);
    const groups = byCurrency.get(currency) ?? new Map<string, ReportRow>();
    const point = groups.get(String(row.group)) ?? { group: row.group ?? null };
    point[String(row.statusKey)] = row.amount ?? null;
    groups.set(String(row.group), point);
    byCurrency.set(currency, groups);
  }
  return [...byCurrency].map(([currency, groups]) => ({ currency, values: [...groups.values()] }));
}

export const refundsReport: ReportDefinition<RefundsParams> = {
  id: "refunds",
  title: "Refunds",
  description: "Money paid back to customers in the period by origin, method or month, per currency.",
  params: refundsParams,
  query: refundsQuery,
  async run(db, params) {
    const raw = await queryRows<Raw>(db, refundsQuery(params));
    const { rows, totals } = splitTotals(raw, (row) => toRow(row, params.by));
    return {
      columns: columns(params.by),
      rows,
      totals,
      chart: {
        kind: params.status.length > 1 ? "stacked-bar" : "bar",
        xKey: "group",
        series: params.status.map((status) => ({ key: status, label: refundStatusLabel(status) })),
        points: chartPoints(rows),
      },
    };
  },
};

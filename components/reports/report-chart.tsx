"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick } from "@/components/dashboard/chart-data";
import type { PlotGroup } from "@/lib/reports/format";
import type { ReportChart as ReportChartSpec } from "@/lib/reports/types";

const COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"];
const color = (index: number) => COLORS[index % COLORS.length];

type Kind = ReportChartSpec["kind"];

/** Tooltip figures: money in the chart's currency (display only, the table has the exact ones). */
function valueFormatter(group: PlotGroup) {
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: group.currency });
  const count = new Intl.NumberFormat("en-US");
  const moneyKeys = new Set(group.series.filter((item) => item.money).map((item) => item.label));
  return (value: unknown, name: unknown) => {
    const number = typeof value === "number" ? value : Number(value);
    return [moneyKeys.has(String(name)) ? money.format(number) : count.format(number), String(name)];
  };
}

function Plot({ kind, xKey, group }: { kind: Kind; xKey: string; group: PlotGroup }) {
  const format = valueFormatter(group);
  const axes = (
    <>
      <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
      <XAxis dataKey={xKey} tickLine={false} axisLine={false} fontSize={12} interval="preserveStartEnd" />
      <YAxis tickLine={false} axisLine={false} fontSize={12} width={72} tickFormatter={group.series.some((item) => item.money) ? (value: number) => axisTick(value, group.currency) : undefined} />
      <Tooltip formatter={format} contentStyle={{ fontSize: 12, borderRadius: 8 }} />
      {/* the series' own order (e.g. aging buckets), not Recharts' alphabetical default */}
      {group.series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} /> : null}
    </>
  );
  if (kind === "pie") {
    const series = group.series[0];
    if (!series) return null;
    return (
      <PieChart>
        <Tooltip formatter={format} contentStyle={{ fontSize: 12, borderRadius: 8 }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Pie data={group.points} dataKey={series.key} nameKey={xKey} name={series.label} outerRadius="80%">
          {group.points.map((point, index) => (
            <Cell key={String(point[xKey])} fill={color(index)} />
          ))}
        </Pie>
      </PieChart>
    );
  }
  if (kind === "line") {
    return (
      <LineChart data={group.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        {axes}
        {group.series.map((item, index) => (
          <Line key={item.key} type="monotone" dataKey={item.key} name={item.label} stroke={color(index)} strokeWidth={2} dot={false} />
        ))}
      </LineChart>
    );
  }
  return (
    <BarChart data={group.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      {axes}
      {group.series.map((item, index) => (
        <Bar key={item.key} dataKey={item.key} name={item.label} fill={color(index)} stackId={kind === "stacked-bar" ? "stack" : undefined} />
      ))}
    </BarChart>
  );
}

/** The report's chart, one per currency: amounts in different currencies are never drawn together. */
export function ReportChart({ kind, xKey, groups }: { kind: Kind; xKey: string; groups: PlotGroup[] }) {
  return (
    <div data-testid="report-chart" className="grid gap-6 lg:grid-cols-2">
      {groups.map((group) => (
        <figure key={group.currency} data-currency={group.currency} className="space-y-2">
          <figcaption className="text-sm font-medium text-muted-foreground">{group.currency}</figcaption>
          <div className="h-72" role="img" aria-label={`${group.series.map((item) => item.label).join(", ")} by ${xKey}, ${group.currency}`}>
            <ResponsiveContainer width="100%" height="100%">
              <Plot kind={kind} xKey={xKey} group={group} />
            </ResponsiveContainer>
          </div>
        </figure>
      ))}
    </div>
  );
}

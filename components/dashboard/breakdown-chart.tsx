"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, datumCount, datumText, type MoneyDatum } from "./chart-data";

const COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"];

/** One money bar per category (invoice status, payment method); the tooltip gives the exact amount and the count. */
export function BreakdownChart({ data, currency, title, testId }: { data: MoneyDatum[]; currency: string; title: string; testId: string }) {
  return (
    <div className="h-64" role="img" aria-label={`${title}: ${data.map((d) => `${d.label} ${d.text} (${d.count ?? 0})`).join(", ")}`} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} interval={0} />
          <YAxis tickLine={false} axisLine={false} fontSize={12} width={64} tickFormatter={(value: number) => axisTick(value, currency)} />
          <Tooltip
            cursor={{ fillOpacity: 0.1 }}
            contentStyle={{ fontSize: 12, borderRadius: 8 }}
            formatter={(_value, _name, item) => {
              const count = datumCount(item.payload);
              return [`${datumText(item.payload, "value") ?? ""}${count === undefined ? "" : ` · ${count}`}`, "Amount · count"];
            }}
          />
          <Bar dataKey="value" name="Amount" radius={[4, 4, 0, 0]} isAnimationActive={false}>
            {data.map((entry, index) => (
              <Cell key={entry.label} fill={COLORS[index % COLORS.length]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

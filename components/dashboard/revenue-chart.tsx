"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, datumText, type RevenueDatum } from "./chart-data";

/** Collected vs invoiced per month, two bars a month; empty months show as zero, not gaps. */
export function RevenueChart({ data, currency }: { data: RevenueDatum[]; currency: string }) {
  const summary = data.map((d) => `${d.label}: collected ${d.collectedText}, invoiced ${d.invoicedText}`).join("; ");
  return (
    <div className="h-72" role="img" aria-label={`Revenue by month in ${currency}. ${summary}`} data-testid="dashboard-chart-revenue">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} interval="preserveStartEnd" />
          <YAxis tickLine={false} axisLine={false} fontSize={12} width={64} tickFormatter={(value: number) => axisTick(value, currency)} />
          <Tooltip
            cursor={{ fillOpacity: 0.1 }}
            contentStyle={{ fontSize: 12, borderRadius: 8 }}
            formatter={(_value, name, item) => [datumText(item.payload, String(item.dataKey)) ?? "", name]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="collected" name="Collected" fill="var(--chart-1)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="invoiced" name="Invoiced" fill="var(--chart-2)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

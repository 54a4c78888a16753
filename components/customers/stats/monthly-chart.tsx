"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface MonthDatum {
  /** "Mar 2025", formatted on the server */
  label: string;
  count: number;
}

/** New customers per month; months without any show as zero-height bars, not gaps. */
export function MonthlyChart({ data }: { data: MonthDatum[] }) {
  return (
    <div className="h-64" role="img" aria-label={`New customers per month: ${data.map((d) => `${d.label} ${d.count}`).join(", ")}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} />
          <Tooltip cursor={{ fillOpacity: 0.1 }} contentStyle={{ fontSize: 12, borderRadius: 8 }} />
          <Bar dataKey="count" name="New customers" fill="var(--chart-1)" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

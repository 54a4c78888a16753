"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface StatusDatum {
  label: string;
  count: number;
}

const COLORS = ["var(--success)", "var(--warning)", "var(--muted-foreground)"];

/** Customers per status (active, suspended, archived), as bars. */
export function StatusChart({ data }: { data: StatusDatum[] }) {
  return (
    <div className="h-64" role="img" aria-label={data.map((d) => `${d.label}: ${d.count}`).join(", ")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} />
          <Tooltip cursor={{ fillOpacity: 0.1 }} contentStyle={{ fontSize: 12, borderRadius: 8 }} />
          <Bar dataKey="count" name="Customers" radius={[4, 4, 0, 0]}>
            {data.map((entry, index) => (
              <Cell key={entry.label} fill={COLORS[index % COLORS.length]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

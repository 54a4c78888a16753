import type { ReactNode } from "react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomerListStats } from "@/lib/customers/queries";

const numberFormat = new Intl.NumberFormat("en-US");

function StatCard({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: string; testId: string }) {
  return (
    <Card className="gap-1 py-4" data-testid={testId}>
      <CardHeader className="px-4">
        <CardDescription>{label}</CardDescription>
        <CardTitle className="text-2xl tabular-nums">{value}</CardTitle>
        {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      </CardHeader>
    </Card>
  );
}

/** The figures above the list: counts from the customer book; money waits for invoices. */
export function CustomerStatsCards({ stats }: { stats: CustomerListStats }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      <StatCard testId="stat-total" label="Customers" value={numberFormat.format(stats.total)} hint="All but deleted" />
      <StatCard testId="stat-active" label="Active" value={numberFormat.format(stats.active)} />
      <StatCard testId="stat-suspended" label="Suspended" value={numberFormat.format(stats.suspended)} />
      <StatCard testId="stat-archived" label="Archived" value={numberFormat.format(stats.archived)} hint="Hidden from the list unless filtered" />
      <StatCard testId="stat-outstanding" label="Outstanding" value={<span className="text-base font-medium text-muted-foreground">No invoices yet</span>} hint="Balances appear once invoices exist" />
    </div>
  );
}

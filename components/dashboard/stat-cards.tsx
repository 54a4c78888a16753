import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatChange, type DashboardCards } from "@/lib/dashboard/cards";
import { monthLabel } from "@/lib/dashboard/period";
import { formatMoney } from "@/lib/money";

function StatCard({ name, title, value, children }: { name: string; title: string; value: string; children: ReactNode }) {
  return (
    <Card className="gap-2" data-testid={`dashboard-card-${name}`}>
      <CardHeader>
        <CardDescription>{title}</CardDescription>
        <CardTitle className="text-2xl tabular-nums">{value}</CardTitle>
      </CardHeader>
      <CardContent className="text-sm text-muted-foreground">{children}</CardContent>
    </Card>
  );
}

/** Revenue this month vs last, outstanding, overdue and days to pay, all in one currency. */
export function StatCards({ cards }: { cards: DashboardCards }) {
  const { currency, revenue } = cards;
  const money = (minor: bigint) => formatMoney(minor, currency);
  const thisMonth = monthLabel(revenue.windows.thisMonth.from.slice(0, 7));
  const lastMonth = monthLabel(revenue.windows.lastMonth.from.slice(0, 7));
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard name="revenue" title={`Collected in ${thisMonth}`} value={money(revenue.thisMonth)}>
        <span data-testid="revenue-change">{revenue.changeTenths === null ? "No collections last month" : `${formatChange(revenue.changeTenths)} vs ${lastMonth}`}</span>
        <span> ({money(revenue.lastMonth)})</span>
      </StatCard>
      <StatCard name="outstanding" title="Outstanding now" value={money(cards.outstanding.amount)}>
        {cards.outstanding.count} open {cards.outstanding.count === 1 ? "invoice" : "invoices"}
      </StatCard>
      <StatCard name="overdue" title="Overdue now" value={money(cards.overdue.amount)}>
        {cards.overdue.count} {cards.overdue.count === 1 ? "invoice" : "invoices"} past due
      </StatCard>
      <StatCard name="days-to-pay" title="Average days to pay" value={cards.daysToPay.average === null ? "—" : `${cards.daysToPay.average} days`}>
        {cards.daysToPay.count} {cards.daysToPay.count === 1 ? "invoice" : "invoices"} paid in the range
      </StatCard>
    </div>
  );
}

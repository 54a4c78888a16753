import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { MethodSlice, MonthPoint, StatusSlice } from "@/lib/dashboard/charts";
import { monthLabel } from "@/lib/dashboard/period";
import { STATUS_LABELS } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { PAYMENT_METHOD_LABELS } from "@/lib/payments/schemas";
import { BreakdownChart } from "./breakdown-chart";
import { moneyDatum, toMajor, type RevenueDatum } from "./chart-data";
import { RevenueChart } from "./revenue-chart";

export function revenueData(points: MonthPoint[], currency: string): RevenueDatum[] {
  return points.map((point) => ({
    label: monthLabel(point.month),
    collected: toMajor(point.collected, currency),
    invoiced: toMajor(point.invoiced, currency),
    collectedText: formatMoney(point.collected, currency),
    invoicedText: formatMoney(point.invoiced, currency),
  }));
}

function Empty({ children }: { children: string }) {
  return <p className="py-16 text-center text-sm text-muted-foreground">{children}</p>;
}

/** Revenue by month, invoice statuses and payment methods for one currency and range. */
export function ChartsSection({ months, statuses, methods, currency }: { months: MonthPoint[]; statuses: StatusSlice[]; methods: MethodSlice[]; currency: string }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>Revenue by month</CardTitle>
          <CardDescription>Collected (payments less refunds) vs invoiced (finalized invoices, void excluded), in {currency}.</CardDescription>
        </CardHeader>
        <CardContent>
          <RevenueChart data={revenueData(months, currency)} currency={currency} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Invoices by status</CardTitle>
          <CardDescription>Invoices issued in the range: total per status, with counts.</CardDescription>
        </CardHeader>
        <CardContent>
          {statuses.length === 0 ? (
            <Empty>No invoices issued in this range.</Empty>
          ) : (
            <BreakdownChart
              data={statuses.map((slice) => moneyDatum(STATUS_LABELS[slice.status], slice.total, currency, slice.count))}
              currency={currency}
              title="Invoices by status"
              testId="dashboard-chart-status"
            />
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Payments by method</CardTitle>
          <CardDescription>Payments received in the range, before refunds.</CardDescription>
        </CardHeader>
        <CardContent>
          {methods.length === 0 ? (
            <Empty>No payments received in this range.</Empty>
          ) : (
            <BreakdownChart
              data={methods.map((slice) => moneyDatum(PAYMENT_METHOD_LABELS[slice.method], slice.amount, currency, slice.count))}
              currency={currency}
              title="Payments by method"
              testId="dashboard-chart-methods"
            />
          )}
        </CardContent>
      </Card>
    </div>
  );
}

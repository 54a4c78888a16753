import { FilePlus, FileText } from "lucide-react";
import Link from "next/link";
import { ActivityFeed } from "@/components/dashboard/activity-feed";
import { AlertsBar } from "@/components/dashboard/alerts";
import { ChartsSection } from "@/components/dashboard/charts-section";
import { DashboardFilters } from "@/components/dashboard/filters";
import { OverdueList } from "@/components/dashboard/overdue-list";
import { SetupCard } from "@/components/dashboard/setup-card";
import { StatCards } from "@/components/dashboard/stat-cards";
import { TopCustomers } from "@/components/dashboard/top-customers";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { hasInvoices, loadDashboard } from "@/lib/dashboard/load";
import { parseDashboardParams } from "@/lib/dashboard/params";
import { getSetupStatus } from "@/lib/dashboard/setup-status";
import { todayIso } from "@/lib/invoices/dates";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dashboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("dashboard.view");
  const db = await getDb();
  const admin = can(user.role, "settings.manage");
  const today = todayIso();
  const params = parseDashboardParams(await searchParams, today);
  const [status, anyInvoice] = await Promise.all([getSetupStatus(db), hasInvoices(db)]);
  const header = <PageHeader title={`Welcome, ${user.name.split(" ")[0]}`} description={status.companyName ?? "Your company"} />;

  if (!anyInvoice) {
    return (
      <div className="space-y-6">
        {header}
        <Card>
          <EmptyState
            icon={<FileText />}
            title="No invoices yet"
            description="Revenue, outstanding and overdue amounts appear here from real invoices and payments once they exist."
            data-testid="dashboard-empty"
          >
            {can(user.role, "invoices.write") ? (
              <Link href="/invoices/new" className={buttonVariants()}>
                <FilePlus />
                New invoice
              </Link>
            ) : null}
          </EmptyState>
        </Card>
        <SetupCard status={status} admin={admin} />
      </div>
    );
  }

  const data = await loadDashboard(db, params, today);
  return (
    <div className="space-y-6">
      {header}
      <DashboardFilters from={data.from} to={data.to} currency={data.currency} currencies={data.currencies} custom={params.custom} />
      <AlertsBar alerts={data.alerts} />
      <StatCards cards={data.cards} />
      <ChartsSection months={data.revenueByMonth} statuses={data.statuses} methods={data.methods} currency={data.currency} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Overdue invoices</CardTitle>
            <CardDescription>The longest overdue first, in {data.currency}.</CardDescription>
          </CardHeader>
          <CardContent>
            <OverdueList rows={data.overdue} canRemind={can(user.role, "invoices.write")} canRecordPayment={can(user.role, "payments.write")} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Top customers</CardTitle>
            <CardDescription>Collected in the range, net of refunds.</CardDescription>
          </CardHeader>
          <CardContent>
            <TopCustomers rows={data.topCustomers} currency={data.currency} />
          </CardContent>
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Recent activity</CardTitle>
            <CardDescription>Invoices, payments, refunds, credit notes and disputes, all currencies.</CardDescription>
          </CardHeader>
          <CardContent>
            <ActivityFeed rows={data.activity} />
          </CardContent>
        </Card>
        {admin ? <SetupCard status={status} admin={admin} /> : null}
      </div>
    </div>
  );
}

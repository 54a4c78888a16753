import { ArrowLeft, BarChart3, FileText } from "lucide-react";
import Link from "next/link";
import { MonthlyChart } from "@/components/customers/stats/monthly-chart";
import { RankedList } from "@/components/customers/stats/ranked-list";
import { StatusChart } from "@/components/customers/stats/status-chart";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { customersHref } from "@/lib/customers/list-params";
import { customerStats } from "@/lib/customers/stats";

export const dynamic = "force-dynamic";
export const metadata = { title: "Customer statistics" };

const monthLabel = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** Cards whose figures come from invoices, which do not exist yet: say so rather than show zeros. */
const AWAITING_INVOICES = [
  { title: "Outstanding by customer", description: "Who owes what, largest first." },
  { title: "Customers with overdue balances", description: "Invoices past their due date, by customer." },
  { title: "Top 10 by billed", description: "Your biggest customers by amount invoiced." },
];

export default async function CustomerStatsPage() {
  await requirePermission("customers.read");
  const stats = await customerStats(await getDb());
  const { byStatus } = stats;
  const months = stats.newPerMonth.map((m) => ({ label: monthLabel.format(new Date(`${m.month}-01T00:00:00Z`)), count: m.count }));
  const newThisYear = stats.newPerMonth.reduce((sum, m) => sum + m.count, 0);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Customer statistics"
        description="The customer book at a glance. Money figures arrive with invoices."
        actions={
          <Link href="/customers" className={buttonVariants({ variant: "outline" })}>
            <ArrowLeft />
            Customers
          </Link>
        }
      />

      {byStatus.total === 0 ? (
        <Card className="py-0">
          <EmptyState icon={<BarChart3 />} title="No customers yet" description="Charts fill in as customers are added or imported." />
        </Card>
      ) : (
        <>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>Customers by status</CardTitle>
                <CardDescription>
                  {byStatus.total} in total (deleted customers are not counted).
                </CardDescription>
              </CardHeader>
              <CardContent>
                <StatusChart
                  data={[
                    { label: "Active", count: byStatus.active },
                    { label: "Suspended", count: byStatus.suspended },
                    { label: "Archived", count: byStatus.archived },
                  ]}
                />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>New customers per month</CardTitle>
                <CardDescription>{newThisYear} in the last 12 months (by creation date, UTC).</CardDescription>
              </CardHeader>
              <CardContent>
                <MonthlyChart data={months} />
              </CardContent>
            </Card>
          </div>

          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>Top 10 tags</CardTitle>
                <CardDescription>How many customers carry each tag.</CardDescription>
              </CardHeader>
              <CardContent>
                <RankedList testId="top-tags" items={stats.topTags} empty="No customer has a tag yet." hrefFor={(tag) => customersHref({ tag, includeArchived: true })} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Customers by country</CardTitle>
                <CardDescription>Billing country; &quot;—&quot; when none is set.</CardDescription>
              </CardHeader>
              <CardContent>
                <RankedList
                  testId="by-country"
                  items={stats.byCountry}
                  empty="No customers yet."
                  hrefFor={(country) => (country.length === 2 ? customersHref({ country, includeArchived: true }) : undefined)}
                />
              </CardContent>
            </Card>
          </div>
        </>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        {AWAITING_INVOICES.map((card) => (
          <Card key={card.title} className="gap-0 pb-0">
            <CardHeader>
              <CardTitle>{card.title}</CardTitle>
              <CardDescription>{card.description}</CardDescription>
            </CardHeader>
            <EmptyState icon={<FileText />} title="Arrives with invoices" description="Shown from real invoices once they exist; nothing is estimated." className="py-8" />
          </Card>
        ))}
      </div>
    </div>
  );
}

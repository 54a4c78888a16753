import { ReportCards } from "@/components/reports/report-cards";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { REPORTS } from "@/lib/reports/registry";

export const dynamic = "force-dynamic";
export const metadata = { title: "Reports" };

export default async function ReportsPage() {
  await requirePermission("reports.view");
  return (
    <div className="space-y-6">
      <PageHeader title="Reports" description="Every figure straight from the invoices and payments, per currency, ready to export." />
      <ReportCards reports={REPORTS.map(({ id, title, description }) => ({ id, title, description }))} />
    </div>
  );
}

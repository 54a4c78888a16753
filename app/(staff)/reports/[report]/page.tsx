import { notFound } from "next/navigation";
import { ReportBody } from "@/components/reports/report-body";
import { ReportExportButtons } from "@/components/reports/report-export-buttons";
import { ReportFilterBar } from "@/components/reports/report-filter-bar";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { UserError } from "@/lib/errors";
import { invoiceCurrencies } from "@/lib/invoices/list";
import { needsCustomer } from "@/lib/reports/controls";
import { findReport, reportControls } from "@/lib/reports/registry";
import { exportHref, loadReportView, parseReportParams, type ReportView } from "@/lib/reports/view";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ report: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  return { title: findReport((await params).report)?.title ?? "Reports" };
}

/** Any report: its filters (from the registry's controls), chart, table with totals, and exports. */
export default async function ReportPage({ params, searchParams }: Props) {
  await requirePermission("reports.view");
  const report = findReport((await params).report);
  if (!report) notFound();
  const raw = await searchParams;
  const db = await getDb();
  const controls = reportControls(report);
  const reportParams = parseReportParams(report, raw);

  let view: ReportView | null = null;
  let refusal: string | null = null;
  try {
    view = await loadReportView(db, report, raw);
  } catch (error) {
    // a report may refuse its params in words (the statement without a customer)
    if (!(error instanceof UserError)) throw error;
    refusal = error.message;
  }
  const currencies = controls.includes("currency") ? await invoiceCurrencies(db) : [];

  return (
    <div className="space-y-6">
      <PageHeader
        title={report.title}
        description={report.description}
        actions={<ReportExportButtons csvHref={exportHref(report, reportParams, raw, "csv")} pdfHref={exportHref(report, reportParams, raw, "pdf")} />}
      />
      <ReportFilterBar action={`/reports/${report.id}`} controls={controls} params={reportParams} currencies={currencies} customerName={view?.customerName ?? null} />
      <ReportBody result={view?.result ?? null} refusal={refusal} emptyText={needsCustomer(report, reportParams) ? "Choose a customer to see their statement." : "No figures match these filters. Try a wider period or another currency."} />
    </div>
  );
}

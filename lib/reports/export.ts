import type { Db } from "@/db";
import { todayIso } from "@/lib/invoices/dates";
import { loadCompany } from "@/lib/pdf/load";
import { renderReportPdf } from "@/lib/pdf/report-render";
import type { RegisteredReport } from "./controls";
import { reportToCsv } from "./csv";
import { loadReportView, type RawSearchParams } from "./view";

export type ExportFormat = "csv" | "pdf";

/** ?format=csv|pdf; anything else is not a format we make. */
export function parseExportFormat(value: string | null | undefined): ExportFormat | null {
  return value === "csv" || value === "pdf" ? value : null;
}

export interface ReportFile {
  /** "aging-2026-03-31.csv" */
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * One report as a download, for the same search params the report's page reads (extra keys such as
 * `format` are ignored by the params schemas). `today` names the file and dates the PDF.
 */
export async function exportReport(db: Db, report: RegisteredReport, searchParams: RawSearchParams, format: ExportFormat, today = todayIso()): Promise<ReportFile> {
  const view = await loadReportView(db, report, searchParams);
  const filename = `${report.id}-${today}.${format}`;
  if (format === "csv") {
    return { filename, contentType: "text/csv; charset=utf-8", bytes: new TextEncoder().encode(reportToCsv(view.result)) };
  }
  const bytes = await renderReportPdf({
    title: report.title,
    paramLines: view.paramLines,
    generatedOn: today,
    company: await loadCompany(db),
    columns: view.result.columns,
    result: view.result,
  });
  return { filename, contentType: "application/pdf", bytes };
}

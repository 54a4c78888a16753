import type { Db } from "@/db";
import { customerNameFor } from "@/lib/invoices/list";
import { controlKeys, describeParams, paramText, reportControls, type RegisteredReport } from "./controls";
import type { ReportResult } from "./types";

/** Search params as Next hands them to a page, or as a request URL has them. */
export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** A repeated key keeps all its values (the params schemas read the first); blank keys drop out. */
export function searchParamsRecord(raw: RawSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  const entries = raw instanceof URLSearchParams ? [...new Set(raw.keys())].map((key) => [key, raw.getAll(key)] as const) : Object.entries(raw);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    record[key] = Array.isArray(value) && value.length === 1 ? (value[0] ?? "") : value;
  }
  return record;
}

export interface ReportView {
  /** the params as the report read them, defaults filled in */
  params: object;
  result: ReportResult;
  /** the name of the customer the report is narrowed to, if any */
  customerName: string | null;
  /** what the report was run for, as printed on the PDF */
  paramLines: string[];
}

/**
 * Runs a report for a URL's search params: the page and the export both come here, so a download
 * always holds what the screen showed for the same URL.
 */
export async function loadReportView(db: Db, report: RegisteredReport, raw: RawSearchParams): Promise<ReportView> {
  const params = parseReportParams(report, raw);
  const customerId: unknown = (params as { customerId?: unknown }).customerId;
  const [result, customerName] = await Promise.all([report.run(db, params), typeof customerId === "string" ? customerNameFor(db, customerId) : null]);
  return { params, result, customerName, paramLines: describeParams(reportControls(report), params, customerName) };
}

/** The params a report reads from a URL (bad values → defaults; see lib/reports/params.ts). */
export function parseReportParams(report: RegisteredReport, raw: RawSearchParams): object {
  return report.params.parse(searchParamsRecord(raw));
}

/**
 * The export URL of what the page shows: the page's own query with the filters as the report read
 * them (a default `to` of today stays today's date even if the file is fetched after midnight).
 */
export function exportHref(report: RegisteredReport, params: object, raw: RawSearchParams, format: "csv" | "pdf"): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParamsRecord(raw))) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, item);
  }
  for (const key of controlKeys(reportControls(report))) {
    const value = paramText(params, key);
    if (value !== undefined) query.set(key, value);
  }
  query.set("format", format);
  return `/api/reports/${report.id}/export?${query.toString()}`;
}

import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { routeUser } from "@/lib/auth/route-access";
import { UserError } from "@/lib/errors";
import { csvDownload, plainText } from "@/lib/http-responses";
import { pdfResponse } from "@/lib/pdf/http";
import { exportReport, parseExportFormat } from "@/lib/reports/export";
import { findReport } from "@/lib/reports/registry";

export const dynamic = "force-dynamic";

/**
 * GET /api/reports/<id>/export?format=csv|pdf&<the report page's query>: the report as the page
 * shows it for the same query, as a CSV or PDF download.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ report: string }> }) {
  const access = await routeUser("reports.view", "export reports", plainText);
  if ("refusal" in access) return access.refusal;

  const report = findReport((await params).report);
  if (!report) return plainText("There is no such report.", 404);
  const searchParams = request.nextUrl.searchParams;
  const format = parseExportFormat(searchParams.get("format"));
  if (!format) return plainText("Choose format=csv or format=pdf.", 400);

  try {
    const file = await exportReport(await getDb(), report, searchParams, format);
    if (format === "pdf") return pdfResponse(file.bytes, file.filename, false);
    return csvDownload(new Blob([new Uint8Array(file.bytes)]).stream(), file.filename);
  } catch (error) {
    // a report may refuse its params in words (the statement without a customer)
    if (error instanceof UserError) return plainText(error.message, 400);
    throw error;
  }
}

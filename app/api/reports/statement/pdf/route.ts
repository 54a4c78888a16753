import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { pdfNotFound, pdfResponse } from "@/lib/pdf/http";
import { statementFilename } from "@/lib/pdf/statement-model";
import { loadStatementPdfData, renderStatementPdf } from "@/lib/pdf/statement-render";
import { periodParams } from "@/lib/reports/params";

// react-pdf needs Node (fonts read from disk, Buffer); every request renders fresh
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/reports/statement/pdf?customerId&from&to[&currency][&inline=1]: staff with reports.view; else 404. */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user || !can(user.role, "reports.view")) return pdfNotFound();
  const params = periodParams.parse(Object.fromEntries(request.nextUrl.searchParams));
  const data = await loadStatementPdfData(await getDb(), params);
  if (!data) return pdfNotFound();
  return pdfResponse(await renderStatementPdf(data), statementFilename(data), request.nextUrl.searchParams.get("inline") === "1");
}

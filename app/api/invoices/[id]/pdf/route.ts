import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { publicTokenOpens } from "@/lib/pdf/access";
import { pdfFilename, pdfNotFound, pdfResponse } from "@/lib/pdf/http";
import { loadInvoicePdfData } from "@/lib/pdf/load";
import { renderInvoicePdf } from "@/lib/pdf/render";

// react-pdf needs Node (fonts read from disk, Buffer); every request renders fresh
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/invoices/<id>/pdf[?token=<public link token>][&inline=1]: staff with invoices.read, or
 * anyone holding the public link of this invoice. Anything else is a 404, so ids cannot be probed.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  const token = request.nextUrl.searchParams.get("token");
  if (!(await publicTokenOpens(db, token, id))) {
    const user = await getCurrentUser();
    if (!user || !can(user.role, "invoices.read")) return pdfNotFound();
  }
  const data = await loadInvoicePdfData(db, id, env().APP_URL);
  if (!data) return pdfNotFound();
  const bytes = await renderInvoicePdf(data);
  return pdfResponse(bytes, pdfFilename(data.detail.invoice), request.nextUrl.searchParams.get("inline") === "1");
}

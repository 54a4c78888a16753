import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { pdfFilename, pdfNotFound, pdfResponse } from "@/lib/pdf/http";
import { loadCreditNotePdfData } from "@/lib/pdf/load";
import { renderCreditNotePdf } from "@/lib/pdf/render";

// react-pdf needs Node (fonts read from disk, Buffer); every request renders fresh
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/credit-notes/<id>/pdf[?inline=1]: staff with invoices.read; anyone else gets a 404. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user || !can(user.role, "invoices.read")) return pdfNotFound();
  const data = await loadCreditNotePdfData(await getDb(), id);
  if (!data) return pdfNotFound();
  const bytes = await renderCreditNotePdf(data);
  return pdfResponse(bytes, pdfFilename(data.detail.creditNote), request.nextUrl.searchParams.get("inline") === "1");
}

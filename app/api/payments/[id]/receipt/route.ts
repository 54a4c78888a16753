import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { pdfFilename, pdfNotFound, pdfResponse } from "@/lib/pdf/http";
import { loadReceiptPdfData, renderReceiptPdfData } from "@/lib/pdf/receipt-render";

// react-pdf needs Node (fonts read from disk, Buffer); every request renders fresh
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/payments/<id>/receipt[?inline=1]: staff with payments.read. A payment that has not
 * succeeded (or has no receipt number) has no receipt; it and anyone else get the same 404.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user || !can(user.role, "payments.read")) return pdfNotFound();
  const data = await loadReceiptPdfData(await getDb(), id);
  if (!data) return pdfNotFound();
  const bytes = await renderReceiptPdfData(data);
  const { payment } = data.receipt;
  return pdfResponse(bytes, pdfFilename({ id: payment.id, number: payment.receiptNumber }), request.nextUrl.searchParams.get("inline") === "1");
}

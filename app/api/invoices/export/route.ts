import type { NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import type { Actor } from "@/lib/audit";
import { can } from "@/lib/auth/permissions";
import { requestMeta } from "@/lib/auth/request-meta";
import { getCurrentUser } from "@/lib/auth/session";
import { csvDownload, plainText } from "@/lib/http-responses";
import { BULK_MAX } from "@/lib/invoices/bulk";
import { todayIso } from "@/lib/invoices/dates";
import { startInvoiceExport } from "@/lib/invoices/export";
import { parseInvoiceListParams } from "@/lib/invoices/list-params";

export const dynamic = "force-dynamic";

const idsSchema = z.array(z.uuid()).max(BULK_MAX);

/**
 * GET /api/invoices/export?<the list's query>[&ids=a,b]: every invoice the list would show with
 * these filters (all pages), or only the ticked ones among them, as CSV streamed in batches.
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return plainText("Sign in to export invoices.", 401);
  if (!can(user.role, "invoices.read")) return plainText("You do not have permission to export invoices.", 403);

  const params = request.nextUrl.searchParams;
  const rawIds = params.getAll("ids").flatMap((value) => value.split(",")).filter(Boolean);
  const ids = idsSchema.safeParse(rawIds);
  if (!ids.success) return plainText(`Export at most ${BULK_MAX} ticked invoices, or none to export the whole list.`, 400);

  const actor: Actor = { userId: user.id, label: user.email, ...requestMeta(request.headers) };
  const scope = { filters: parseInvoiceListParams(params), ids: ids.data.length ? ids.data : undefined };
  const { filename, stream } = await startInvoiceExport(await getDb(), scope, todayIso(), actor);
  return csvDownload(stream, filename);
}

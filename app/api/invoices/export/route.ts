import type { NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import type { Actor } from "@/lib/audit";
import { requestMeta } from "@/lib/auth/request-meta";
import { routeUser } from "@/lib/auth/route-access";
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
  const access = await routeUser("invoices.read", "export invoices", plainText);
  if ("refusal" in access) return access.refusal;
  const { user } = access;

  const params = request.nextUrl.searchParams;
  const rawIds = params.getAll("ids").flatMap((value) => value.split(",")).filter(Boolean);
  const ids = idsSchema.safeParse(rawIds);
  if (!ids.success) return plainText(`Export at most ${BULK_MAX} ticked invoices, or none to export the whole list.`, 400);

  const actor: Actor = { userId: user.id, label: user.email, ...requestMeta(request.headers) };
  const scope = { filters: parseInvoiceListParams(params), ids: ids.data.length ? ids.data : undefined };
  const { filename, stream } = await startInvoiceExport(await getDb(), scope, todayIso(), actor);
  return csvDownload(stream, filename);
}

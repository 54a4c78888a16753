import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import type { Actor } from "@/lib/audit";
import { requestMeta } from "@/lib/auth/request-meta";
import { routeUser } from "@/lib/auth/route-access";
import { startCustomerExport } from "@/lib/customers/export";
import { parseListParams } from "@/lib/customers/list-params";
import { csvDownload, plainText } from "@/lib/http-responses";

export const dynamic = "force-dynamic";

/**
 * GET /api/customers/export?<the list's query>: every customer the list would show with these
 * filters (all pages), as CSV streamed in batches. Finance and admins only (customers.write).
 */
export async function GET(request: NextRequest) {
  const access = await routeUser("customers.write", "export customers", plainText);
  if ("refusal" in access) return access.refusal;
  const { user } = access;

  const filters = parseListParams(request.nextUrl.searchParams);
  const actor: Actor = { userId: user.id, label: user.email, ...requestMeta(request.headers) };
  const { filename, stream } = await startCustomerExport(await getDb(), filters, actor);
  return csvDownload(stream, filename);
}

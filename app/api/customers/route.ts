import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { routeUser } from "@/lib/auth/route-access";
import { parseListParams } from "@/lib/customers/list-params";
import { listCustomers } from "@/lib/customers/queries";
import { jsonError, jsonResponse } from "@/lib/json-response";

export const dynamic = "force-dynamic";

/**
 * GET /api/customers?<the list's query>: the page of customers /customers shows for the same
 * query, as JSON. Like the page, a bad parameter falls back to its default; `filters` in the
 * answer says what was applied.
 */
export async function GET(request: NextRequest) {
  const access = await routeUser("customers.read", "read customers", jsonError);
  if ("refusal" in access) return access.refusal;

  const filters = parseListParams(request.nextUrl.searchParams);
  const list = await listCustomers(await getDb(), filters);
  return jsonResponse({ filters, pageSize: filters.pageSize, ...list });
}

import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { routeUser } from "@/lib/auth/route-access";
import { todayIso } from "@/lib/invoices/dates";
import { listInvoices } from "@/lib/invoices/list";
import { parseInvoiceListParams } from "@/lib/invoices/list-params";
import { jsonError, jsonResponse } from "@/lib/json-response";

export const dynamic = "force-dynamic";

/**
 * GET /api/invoices?<the list's query>: the page of invoices /invoices shows for the same query,
 * with the totals per currency, as JSON (money in minor units, as strings). Like the page, a bad
 * parameter falls back to its default; `filters` in the answer says what was applied.
 */
export async function GET(request: NextRequest) {
  const access = await routeUser("invoices.read", "read invoices", jsonError);
  if ("refusal" in access) return access.refusal;

  const filters = parseInvoiceListParams(request.nextUrl.searchParams);
  const list = await listInvoices(await getDb(), filters, todayIso());
  return jsonResponse({ filters, ...list });
}

import type { NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { routeUser } from "@/lib/auth/route-access";
import { env } from "@/lib/env";
import { plainText } from "@/lib/http-responses";
import { BULK_MAX } from "@/lib/invoices/bulk";
import { todayIso } from "@/lib/invoices/dates";
import { buildInvoicesZip } from "@/lib/invoices/pdf-zip";

export const dynamic = "force-dynamic";

const idsSchema = z.array(z.uuid()).min(1).max(BULK_MAX);

/** ids from `?ids=a,b` / repeated `ids=`, or a JSON body `{ "ids": [...] }`, or a form post. */
async function readIds(request: NextRequest): Promise<unknown> {
  if (request.method === "GET") return request.nextUrl.searchParams.getAll("ids").flatMap((value) => value.split(","));
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return ((await request.json().catch(() => null)) as { ids?: unknown } | null)?.ids;
  const form = await request.formData().catch(() => null);
  return form?.getAll("ids").flatMap((value) => (typeof value === "string" ? value.split(",") : []));
}

/**
 * The PDFs of the chosen invoices (at most 100) in one zip. Headers X-Invoices-Included and
 * X-Invoices-Failed let the list say how it went; failed ones are named in errors.txt.
 */
async function handle(request: NextRequest) {
  const access = await routeUser("invoices.read", "download invoices", plainText);
  if ("refusal" in access) return access.refusal;
  const parsed = idsSchema.safeParse(await readIds(request));
  if (!parsed.success) return plainText(`Choose between 1 and ${BULK_MAX} invoices.`, 400);

  const zip = await buildInvoicesZip(await getDb(), parsed.data, env().APP_URL);
  if (zip.included + zip.failed.length === 0) return plainText("None of those invoices exist.", 404);
  return new Response(new Blob([zip.bytes as BlobPart]), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="invoices-${todayIso()}.zip"`,
      "Cache-Control": "no-store",
      "X-Invoices-Included": String(zip.included),
      "X-Invoices-Failed": String(zip.failed.length),
    },
  });
}

export const GET = handle;
export const POST = handle;

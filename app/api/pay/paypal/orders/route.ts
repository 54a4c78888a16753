import { getDb } from "@/db";
import { createOrderAnswer } from "@/lib/gateways/paypal/routes";

// The public page's PayPal button creates its order here. Anonymous: the invoice's public link
// token is the authority, checked in lib before anything is written.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const { status, body } = await createOrderAnswer(await getDb(), request);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

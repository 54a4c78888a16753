import { getDb } from "@/db";
import { captureOrderAnswer } from "@/lib/gateways/paypal/routes";

// After the buyer approves in PayPal's popup, the button asks us to capture. Only an order we
// created for the token's invoice can be captured here.
export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await context.params;
  const { status, body } = await captureOrderAnswer(await getDb(), request, orderId);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

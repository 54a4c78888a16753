import { z } from "zod";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { CheckoutRefused, startStripeCheckout } from "@/lib/gateways/stripe/checkout";

// The public page's "Pay by card" form. No session: the invoice link's token is the key, checked
// by startStripeCheckout. Success → 303 to Stripe's hosted page; a refusal → back to the invoice
// page with a short code it explains.
export const dynamic = "force-dynamic";

const form = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{54}$/),
  // minor units of the invoice's currency, as the pay panel posts them
  amount: z.string().regex(/^[1-9][0-9]{0,15}$/),
});

const seeOther = (url: string) => new Response(null, { status: 303, headers: { location: url, "cache-control": "no-store" } });

export async function POST(request: Request) {
  const base = env().APP_URL.replace(/\/+$/, "");
  let fields: Record<string, FormDataEntryValue | null>;
  try {
    const data = await request.formData();
    fields = { token: data.get("token"), amount: data.get("amount") };
  } catch {
    return new Response("Bad request", { status: 400 });
  }
  const parsed = form.safeParse(fields);
  if (!parsed.success) {
    const token = typeof fields.token === "string" && /^[A-Za-z0-9_-]{54}$/.test(fields.token) ? fields.token : null;
    return token ? seeOther(`${base}/i/${token}?payError=invalid_amount`) : new Response("This payment link is not valid.", { status: 400 });
  }
  const { token, amount } = parsed.data;
  try {
    const { url } = await startStripeCheckout(await getDb(), { token, amount: BigInt(amount) }, base);
    return seeOther(url);
  } catch (error) {
    if (error instanceof CheckoutRefused) {
      if (error.code === "link_invalid") return new Response("This payment link is not valid.", { status: 404 });
      return seeOther(`${base}/i/${token}?payError=${error.code}`);
    }
    console.error("Stripe checkout failed", error);
    return seeOther(`${base}/i/${token}?payError=card_unavailable`);
  }
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { checkoutReturnStatus } from "@/lib/gateways/stripe/return-status";
import { formatMoney } from "@/lib/money";

// Where Stripe Checkout sends the customer after paying. The webhook, not this redirect, settles
// the payment, so the page says what our records show and offers a refresh while it is on its way.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Payment",
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};

const MESSAGES = {
  succeeded: { title: "Thank you, your payment was received", body: "A receipt is on its way to your email." },
  pending: { title: "Thank you, your payment is being confirmed", body: "Stripe is confirming the payment; this usually takes a few seconds. Refresh this page to see the latest status." },
  failed: { title: "The payment did not go through", body: "Nothing was charged. You can try again from the invoice." },
  unknown: { title: "Thank you", body: "Your payment is being confirmed. Refresh this page in a moment to see the invoice's status." },
} as const;

export default async function CheckoutPaidPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ session_id?: string | string[] }> }) {
  const { token } = await params;
  const { session_id: sessionId } = await searchParams;
  const status = await checkoutReturnStatus(await getDb(), token, typeof sessionId === "string" ? sessionId : null);
  if (!status) notFound();
  const { invoice, payment } = status;
  const message = MESSAGES[payment];
  return (
    <main className="mx-auto max-w-xl px-4 py-12">
      <Card>
        <CardHeader>
          <CardTitle data-testid="checkout-result" data-status={payment}>
            {message.title}
          </CardTitle>
          <CardDescription>
            Invoice {invoice.number} · amount due now {formatMoney(invoice.amountDue, invoice.currency)}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4 text-sm">
          <p>{message.body}</p>
          <Link className="underline underline-offset-4" href={`/i/${token}`}>
            Back to the invoice
          </Link>
        </CardContent>
      </Card>
    </main>
  );
}

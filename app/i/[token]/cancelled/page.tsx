import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { findInvoiceByPublicToken } from "@/lib/invoices/public-link";

// Where Stripe Checkout sends the customer who pressed "back": nothing was charged. The pending
// payment row stays until Stripe's session expires; it never allocates anything.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Payment cancelled",
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};

export default async function CheckoutCancelledPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invoice = await findInvoiceByPublicToken(await getDb(), token);
  if (!invoice) notFound();
  return (
    <main className="mx-auto max-w-xl px-4 py-12">
      <Card>
        <CardHeader>
          <CardTitle data-testid="checkout-cancelled">Payment cancelled</CardTitle>
          <CardDescription>Invoice {invoice.number}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4 text-sm">
          <p>Nothing was charged. You can pay whenever you are ready.</p>
          <Link className="underline underline-offset-4" href={`/i/${token}`}>
            Back to the invoice
          </Link>
        </CardContent>
      </Card>
    </main>
  );
}

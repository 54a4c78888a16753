import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicInvoice } from "@/components/invoices/public/public-invoice";
import { PayPanel } from "@/components/payments/public/pay-panel";
import { getDb } from "@/db";
import { isStaff } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { payErrorMessage } from "@/lib/gateways/stripe/pay-errors";
import { loadPublicInvoice } from "@/lib/invoices/public-view";
import { loadPayPanel } from "@/lib/payment-methods/pay-panel";

// The customer's page of one invoice, opened from the emailed link without signing in. Every
// visit reads fresh figures and counts the view, so nothing here may be cached or indexed.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Invoice",
  robots: { index: false, follow: false, nocache: true },
  // the token is the key to this page: never send it on to another site
  referrer: "no-referrer",
};

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ payError?: string | string[] }> };

export default async function PublicInvoicePage({ params, searchParams }: Props) {
  const { token } = await params;
  const { payError } = await searchParams;
  const user = await getCurrentUser();
  const db = await getDb();
  const view = await loadPublicInvoice(db, token, user && isStaff(user.role) ? "staff" : "customer");
  if (!view) notFound();
  // staff see the page as the customer does, but a payment made from a preview would be recorded as the customer's
  const panel = view.staffPreview ? null : await loadPayPanel(db, view.detail.invoice, view.detail.customer, token);
  const error = payErrorMessage(typeof payError === "string" ? payError : null);
  return (
    <PublicInvoice
      view={view}
      payment={
        <>
          {error ? (
            <p data-testid="pay-error" className="rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm text-destructive">
              {error}
            </p>
          ) : null}
          {panel ? <PayPanel {...panel} /> : null}
        </>
      }
    />
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicInvoice } from "@/components/invoices/public/public-invoice";
import { getDb } from "@/db";
import { isStaff } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { loadPublicInvoice } from "@/lib/invoices/public-view";

// The customer's page of one invoice, opened from the emailed link without signing in. Every
// visit reads fresh figures and counts the view, so nothing here may be cached or indexed.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Invoice",
  robots: { index: false, follow: false, nocache: true },
  // the token is the key to this page: never send it on to another site
  referrer: "no-referrer",
};

export default async function PublicInvoicePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getCurrentUser();
  const view = await loadPublicInvoice(await getDb(), token, user && isStaff(user.role) ? "staff" : "customer");
  if (!view) notFound();
  return <PublicInvoice view={view} />;
}

import type { Metadata } from "next";
import { CustomerForm } from "@/components/customers/form/customer-form";
import { blankCustomerForm } from "@/components/customers/form/form-values";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { getCompanySettings } from "@/lib/settings/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  await requirePermission("customers.write");
  const settings = await getCompanySettings(await getDb());
  const defaults = blankCustomerForm({ currency: settings?.defaultCurrency ?? "USD", paymentTerms: settings?.defaultPaymentTerms ?? 30 });
  return (
    <div className="space-y-6">
      <PageHeader title="New customer" description="We check for look-alikes (same email, tax ID, or name and phone) before saving." />
      <Card>
        <CardContent>
          <CustomerForm mode={{ kind: "create" }} defaults={defaults} cancelHref="/customers" />
        </CardContent>
      </Card>
    </div>
  );
}

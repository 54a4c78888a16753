import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerForm } from "@/components/customers/form/customer-form";
import { customerToFormValues } from "@/components/customers/form/form-values";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { getCustomerDetail } from "@/lib/customers/detail";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit customer" };

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("customers.write");
  const { id } = await params;
  // archived customers stay editable; deleted or unknown ones are not found
  const customer = await getCustomerDetail(await getDb(), id);
  if (!customer) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title={`Edit ${customer.displayName}`} description={`${customer.number} · changes are checked against edits saved by others meanwhile.`} />
      <Card>
        <CardContent>
          {/* keyed by version: after "Reload" the form starts again from the saved record */}
          <CustomerForm
            key={customer.version}
            mode={{ kind: "edit", id: customer.id, version: customer.version }}
            defaults={customerToFormValues(customer)}
            cancelHref={`/customers/${customer.id}`}
          />
        </CardContent>
      </Card>
    </div>
  );
}

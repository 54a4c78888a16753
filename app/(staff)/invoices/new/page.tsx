import type { Metadata } from "next";
import { newInvoiceFormValues } from "@/components/invoices/editor/form-values";
import { InvoiceEditor } from "@/components/invoices/editor/invoice-editor";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { isUuid } from "@/lib/customers/detail";
import { todayIso } from "@/lib/invoices/dates";
import { getEditorOptions, getPickerCustomer } from "@/lib/invoices/editor-options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New invoice" };

type SearchParams = Promise<{ customerId?: string | string[] }>;

/** A new draft; `?customerId=` (from a customer's page) starts it for that customer. */
export default async function NewInvoicePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("invoices.write");
  const { customerId } = await searchParams;
  const db = await getDb();
  const [options, customer] = await Promise.all([
    getEditorOptions(db),
    // an unknown, deleted or archived customer is simply not preselected
    typeof customerId === "string" && isUuid(customerId) ? getPickerCustomer(db, customerId) : null,
  ]);
  const defaults = newInvoiceFormValues({ today: todayIso(), ...options, customer });
  return (
    <div className="space-y-6">
      <PageHeader title="New invoice" description="Saved as a draft. It takes its number when you finalize it." />
      <InvoiceEditor
        mode={{ kind: "create" }}
        defaults={defaults}
        customer={customer}
        options={options}
        cancelHref={customer ? `/customers/${customer.id}` : "/invoices"}
      />
    </div>
  );
}

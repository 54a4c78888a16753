import { FileLock2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { draftToFormValues, taxRatesForDraft } from "@/components/invoices/editor/form-values";
import { InvoiceEditor } from "@/components/invoices/editor/invoice-editor";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { getInvoiceDetail } from "@/lib/invoices/detail";
import { getEditorOptions, getPickerCustomer } from "@/lib/invoices/editor-options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit invoice" };

export default async function EditInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("invoices.write");
  const { id } = await params;
  const db = await getDb();
  const detail = await getInvoiceDetail(db, id);
  if (!detail) notFound();
  const { invoice } = detail;

  if (invoice.status !== "draft") {
    return (
      <div className="space-y-6">
        <PageHeader title={`Invoice ${invoice.number ?? ""}`.trim()} description={detail.customer.displayName} />
        <Card>
          <CardContent>
            <EmptyState
              icon={<FileLock2 />}
              title="This invoice can no longer be edited"
              description="Finalized invoices change only through a credit note."
              data-testid="invoice-not-editable"
            >
              <Button asChild>
                <Link href={`/invoices/${invoice.id}`}>Back to the invoice</Link>
              </Button>
            </EmptyState>
          </CardContent>
        </Card>
      </div>
    );
  }

  const [options, customer] = await Promise.all([
    getEditorOptions(db),
    // a draft's customer archived since is still shown (saving then says why it cannot be invoiced)
    getPickerCustomer(db, invoice.customerId, { includeArchived: true }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title="Edit draft invoice" description={`${detail.customer.displayName} · a draft has no number until it is finalized.`} />
      {/* keyed by version: after "Reload" the editor starts again from the saved draft */}
      <InvoiceEditor
        key={invoice.version}
        mode={{ kind: "edit", id: invoice.id, version: invoice.version }}
        defaults={draftToFormValues(detail)}
        customer={customer}
        options={{ ...options, taxRates: taxRatesForDraft(options.taxRates, detail) }}
        cancelHref={`/invoices/${invoice.id}`}
      />
    </div>
  );
}

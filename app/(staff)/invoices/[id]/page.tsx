import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionBar } from "@/components/invoices/detail/action-bar";
import { InvoiceTimeline } from "@/components/invoices/detail/activity-timeline";
import { AppliedMoney } from "@/components/invoices/detail/applied-money";
import { availableActions } from "@/components/invoices/detail/available-actions";
import { EmailHistory } from "@/components/invoices/detail/email-history";
import { InvoiceFacts } from "@/components/invoices/detail/facts";
import { InvoiceHeader } from "@/components/invoices/detail/header";
import { LinesTable } from "@/components/invoices/detail/lines-table";
import { PartialPaymentSwitch } from "@/components/invoices/detail/partial-payment-switch";
import { PublicLink } from "@/components/invoices/detail/public-link";
import { InvoiceTotals } from "@/components/invoices/detail/totals";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { creditableLines } from "@/lib/credit-notes/queries";
import { env } from "@/lib/env";
import { getInvoiceActivity, getInvoiceDetail } from "@/lib/invoices/detail";
import { publicPathFor } from "@/lib/invoices/public-link";
import { invoiceEmailHistory } from "@/lib/invoices/send";
import { customerCreditBalance } from "@/lib/payments/credit";
import { listInvoicePayments } from "@/lib/payments/queries";
import { SectionCard } from "@/components/ui/section-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("invoices.read");
  const { id } = await params;
  const db = await getDb();
  // malformed, unknown and deleted ids all read as null
  const detail = await getInvoiceDetail(db, id);
  if (!detail) notFound();

  const { invoice } = detail;
  const draft = invoice.status === "draft";
  const [payments, emails, activity, customerCredit] = await Promise.all([
    listInvoicePayments(db, invoice.id),
    invoiceEmailHistory(db, invoice.id),
    getInvoiceActivity(db, invoice.id),
    draft ? Promise.resolve(0n) : customerCreditBalance(db, invoice.customerId, invoice.currency),
  ]);
  const permissions = { invoicesWrite: can(user.role, "invoices.write"), paymentsWrite: can(user.role, "payments.write") };
  const show = availableActions(invoice, permissions, customerCredit);
  const lines = show.creditNote ? await creditableLines(db, invoice.id) : [];
  // a draft has no public page yet
  const publicUrl = draft ? null : new URL(publicPathFor(invoice), env().APP_URL).toString();
  const notes = [
    { title: "Notes", text: invoice.notes },
    { title: "Terms", text: invoice.terms },
    { title: "Footer", text: invoice.footer },
  ].filter((block): block is { title: string; text: string } => Boolean(block.text));

  return (
    <div className="space-y-6">
      <InvoiceHeader
        detail={detail}
        actions={<ActionBar invoice={invoice} label={invoice.number ?? "this draft"} show={show} customerCredit={customerCredit} creditableLines={lines} />}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card className="gap-4 py-4">
            <CardContent className="space-y-6 px-4">
              <LinesTable lines={detail.lines} currency={invoice.currency} />
              <InvoiceTotals detail={detail} />
            </CardContent>
          </Card>
          {notes.length ? (
            <SectionCard title="Notes and terms">
              <div className="space-y-3 text-sm">
                {notes.map((block) => (
                  <div key={block.title}>
                    <h3 className="text-xs font-medium text-muted-foreground uppercase">{block.title}</h3>
                    <p className="whitespace-pre-wrap">{block.text}</p>
                  </div>
                ))}
              </div>
            </SectionCard>
          ) : null}
          {draft ? null : (
            <SectionCard title="Payments and credit notes">
              <AppliedMoney
                invoiceId={invoice.id}
                currency={invoice.currency}
                payments={payments}
                creditNotes={detail.creditNotes}
                allocations={detail.allocations}
                canVoidPayments={permissions.paymentsWrite}
                canEmailCreditNotes={permissions.invoicesWrite}
              />
            </SectionCard>
          )}
        </div>
        <aside className="space-y-6">
          <Card className="py-4">
            <CardContent className="px-4">
              <InvoiceFacts invoice={invoice} />
            </CardContent>
          </Card>
          {publicUrl ? (
            <SectionCard title="Public link" testId="public-link-card">
              <div className="space-y-3">
                <PublicLink url={publicUrl} />
                <PartialPaymentSwitch invoiceId={invoice.id} allowed={invoice.allowPartialPayment} canChange={permissions.invoicesWrite} />
              </div>
            </SectionCard>
          ) : null}
          <SectionCard title="Emails">
            <EmailHistory emails={emails} />
          </SectionCard>
          <SectionCard title="Activity">
            <InvoiceTimeline items={activity} />
          </SectionCard>
        </aside>
      </div>
    </div>
  );
}

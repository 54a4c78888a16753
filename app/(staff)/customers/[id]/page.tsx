import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActivityTimeline } from "@/components/customers/detail/activity-timeline";
import { ContactCard } from "@/components/customers/detail/contact-card";
import { CustomerActions } from "@/components/customers/detail/customer-actions";
import { CustomerTabs, type CustomerTab } from "@/components/customers/detail/customer-tabs";
import { formatDateTime } from "@/components/customers/detail/format";
import { InvoicesTab } from "@/components/customers/detail/invoices-tab";
import { NotesPanel } from "@/components/customers/detail/notes-panel";
import { OverviewTab } from "@/components/customers/detail/overview-tab";
import { PaymentsTab } from "@/components/customers/detail/payments-tab";
import { CustomerStatusBadge } from "@/components/customers/detail/status-badge";
import { SummaryCards } from "@/components/customers/detail/summary-cards";
import { PaymentMethodsPanel } from "@/components/customers/payment-methods/payment-methods-panel";
import { SavedCardsPanel } from "@/components/customers/saved-cards/saved-cards-panel";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listCustomerActivity } from "@/lib/customers/activity";
import { getCustomerDetail } from "@/lib/customers/detail";
import { customerInvoiceSummary, listCustomerInvoices } from "@/lib/customers/invoice-summary";
import { canChangeNote, listCustomerNotes } from "@/lib/customers/notes";
import { describePaymentMethod, PAYMENT_METHOD_KIND_LABELS } from "@/lib/customers/payment-method-schemas";
import { listPaymentMethods } from "@/lib/customers/payment-methods";
import { stripeConfigured } from "@/lib/gateways/stripe/client";
import { listChargeableInvoices, listSavedCards } from "@/lib/saved-cards/queries";
import { listCustomerPayments } from "@/lib/payments/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Customer" };

const TABS = ["overview", "invoices", "payments", "activity", "notes", "payment-methods"] as const;
type Tab = (typeof TABS)[number];
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const user = await requirePermission("customers.read");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  // getCustomerDetail refuses a malformed id before querying; deleted customers are not found
  const customer = await getCustomerDetail(db, id);
  if (!customer) notFound();

  const requested = first(query.tab);
  const tab: Tab = TABS.find((value) => value === requested) ?? "overview";
  const before = first(query.before) ?? null;
  const [notes, methods, activity, summary, invoices, payments, savedCards, chargeable] = await Promise.all([
    listCustomerNotes(db, customer.id),
    listPaymentMethods(db, customer.id),
    listCustomerActivity(db, customer.id, { before }),
    customerInvoiceSummary(db, customer),
    listCustomerInvoices(db, customer.id),
    listCustomerPayments(db, customer.id),
    listSavedCards(db, customer.id),
    listChargeableInvoices(db, customer.id),
  ]);
  const canWrite = can(user.role, "customers.write");
  const canDelete = can(user.role, "customers.delete");
  const basePath = `/customers/${customer.id}`;

  const tabs: CustomerTab[] = [
    { value: "overview", label: "Overview", content: <OverviewTab customer={customer} /> },
    { value: "invoices", label: "Invoices", count: summary.invoiceCount, content: <InvoicesTab customerId={customer.id} invoices={invoices} canCreate={can(user.role, "invoices.write")} /> },
    { value: "payments", label: "Payments", count: payments.length, content: <PaymentsTab payments={payments} /> },
    { value: "activity", label: "Activity", content: <ActivityTimeline page={activity} basePath={basePath} paged={Boolean(before)} /> },
    {
      value: "notes",
      label: "Notes",
      count: notes.length,
      content: (
        <NotesPanel
          customerId={customer.id}
          canAdd={canWrite}
          notes={notes.map((note) => ({
            id: note.id,
            body: note.body,
            authorName: note.authorName,
            when: formatDateTime(note.createdAt),
            edited: note.updatedAt.getTime() > note.createdAt.getTime(),
            canChange: canWrite && canChangeNote(note.authorId, user),
          }))}
        />
      ),
    },
    {
      value: "payment-methods",
      label: "Payment methods",
      count: methods.length,
      content: (
        <div className="space-y-6">
          <SavedCardsPanel
            customerId={customer.id}
            autopay={customer.autopay}
            cards={savedCards}
            invoices={chargeable}
            canWrite={can(user.role, "payments.write")}
            stripeOn={stripeConfigured()}
          />
          <PaymentMethodsPanel
            customerId={customer.id}
            canWrite={canWrite}
            methods={methods.map((method) => ({
              id: method.id,
              kindLabel: PAYMENT_METHOD_KIND_LABELS[method.kind],
              description: describePaymentMethod(method),
              isDefault: method.isDefault,
              verified: method.verifiedAt ? formatDateTime(method.verifiedAt) : null,
              added: formatDateTime(method.createdAt),
            }))}
          />
        </div>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight break-words">{customer.displayName}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <span className="font-mono" data-testid="customer-number">
              {customer.number}
            </span>
            <CustomerStatusBadge status={customer.status} />
            {customer.tags.map((tag) => (
              <Badge key={tag} variant="outline">
                {tag}
              </Badge>
            ))}
          </div>
        </div>
        <CustomerActions customer={{ id: customer.id, name: customer.displayName, status: customer.status }} canWrite={canWrite} canDelete={canDelete} />
      </div>
      <ContactCard customer={customer} />
      <SummaryCards currency={customer.currency} creditLimit={customer.creditLimit} paymentTerms={customer.paymentTerms} summary={summary} />
      <CustomerTabs initial={tab} tabs={tabs} />
    </div>
  );
}

import { ClipboardCheck, ShieldAlert } from "lucide-react";
import Link from "next/link";
import { NoPaymentsYet } from "@/components/payments/list/empty-states";
import { PaymentFilterBar } from "@/components/payments/list/filter-bar";
import { PaymentListTotals } from "@/components/payments/list/list-totals";
import { PaymentsTable } from "@/components/payments/list/payments-table";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NoFilterMatches } from "@/components/ui/no-filter-matches";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/session";
import { openDisputeCount } from "@/lib/disputes/queries";
import { customerNameFor } from "@/lib/invoices/list";
import { hasAnyPayment, listPayments, pendingApprovalCount } from "@/lib/payments/list";
import { clearedPaymentsHref, parsePaymentListParams, paymentsHref, type PaymentSearchParams } from "@/lib/payments/list-params";

export const dynamic = "force-dynamic";
export const metadata = { title: "Payments" };

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<PaymentSearchParams> }) {
  await requirePermission("payments.read");
  const filters = parsePaymentListParams(await searchParams);
  const db = await getDb();
  const [list, anyPayment, approvals, disputes, customerName] = await Promise.all([
    listPayments(db, filters),
    hasAnyPayment(db),
    pendingApprovalCount(db),
    openDisputeCount(db),
    filters.customerId ? customerNameFor(db, filters.customerId) : null,
  ]);
  const pageFilters = { ...filters, page: list.page };

  const actions = (
    <>
      <Link href="/disputes" className={buttonVariants({ variant: "outline" })} data-testid="disputes-link">
        <ShieldAlert />
        Disputes
        {disputes > 0 ? <Badge variant="destructive">{disputes}</Badge> : null}
      </Link>
      <Link href="/payments/approvals" className={buttonVariants({ variant: approvals > 0 ? "default" : "outline" })} data-testid="approvals-link">
        <ClipboardCheck />
        Pending approvals
        <Badge variant="secondary" data-testid="approvals-count">
          {approvals}
        </Badge>
      </Link>
    </>
  );

  return (
    <div className="space-y-6">
      <PageHeader title="Payments" description="Money received online, by transfer and by hand: search, filter, and open one for its refunds and history." actions={actions} />
      {!anyPayment ? (
        <Card className="py-0">
          <NoPaymentsYet />
        </Card>
      ) : (
        <>
          <PaymentFilterBar filters={filters} customerName={customerName} />
          <Card className="py-0">
            {list.rows.length === 0 ? (
              <NoFilterMatches things="payments" clearHref={clearedPaymentsHref(filters)} testId="payments-no-match" />
            ) : (
              <PaymentsTable rows={list.rows} filters={pageFilters} />
            )}
          </Card>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <PaymentListTotals page={list.page} pageSize={list.pageSize} shown={list.rows.length} total={list.total} totals={list.totalsByCurrency} />
            <PaginationLinks className="flex-1" page={list.page} pageCount={list.pageCount} hrefFor={(page) => paymentsHref({ ...filters, page })} />
          </div>
        </>
      )}
    </div>
  );
}

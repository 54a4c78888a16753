import { Download, FilePlus } from "lucide-react";
import Link from "next/link";
import { NoInvoicesYet } from "@/components/invoices/list/empty-states";
import { InvoiceFilterBar } from "@/components/invoices/list/filter-bar";
import { InvoiceListTotals } from "@/components/invoices/list/list-totals";
import { InvoiceListView } from "@/components/invoices/list/invoice-list-view";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NoFilterMatches } from "@/components/ui/no-filter-matches";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { todayIso } from "@/lib/invoices/dates";
import { customerNameFor, hasAnyInvoice, invoiceCurrencies, listInvoices } from "@/lib/invoices/list";
import { clearedInvoicesHref, invoicesHref, parseInvoiceListParams, toInvoiceSearchParams, type InvoiceSearchParams } from "@/lib/invoices/list-params";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invoices" };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<InvoiceSearchParams> }) {
  const user = await requirePermission("invoices.read");
  const filters = parseInvoiceListParams(await searchParams);
  const db = await getDb();
  const [list, anyInvoice, currencies, customerName] = await Promise.all([
    listInvoices(db, filters, todayIso()),
    hasAnyInvoice(db),
    invoiceCurrencies(db),
    filters.customerId ? customerNameFor(db, filters.customerId) : null,
  ]);
  const canWrite = can(user.role, "invoices.write");
  // the export takes the view as it is, every page of it
  const exportQuery = toInvoiceSearchParams({ ...filters, page: 1 });
  const pageFilters = { ...filters, page: list.page };

  const actions = (
    <>
      {anyInvoice ? (
        // a plain link: the browser downloads the streamed file
        <a href={exportQuery ? `/api/invoices/export?${exportQuery}` : "/api/invoices/export"} className={buttonVariants({ variant: "outline" })} download data-testid="export-invoices">
          <Download />
          Export
        </a>
      ) : null}
      {canWrite ? (
        <Link href="/invoices/new" className={buttonVariants()}>
          <FilePlus />
          New invoice
        </Link>
      ) : null}
    </>
  );

  return (
    <div className="space-y-6">
      <PageHeader title="Invoices" description="Everything you have billed: search, filter, and act on many at once." actions={actions} />
      {!anyInvoice ? (
        <Card className="py-0">
          <NoInvoicesYet canWrite={canWrite} />
        </Card>
      ) : (
        <>
          <InvoiceFilterBar filters={filters} currencies={currencies} customerName={customerName} />
          <Card className="py-0">
            {list.rows.length === 0 ? (
              <NoFilterMatches things="invoices" clearHref={clearedInvoicesHref(filters)} testId="invoices-no-match" />
            ) : (
              <InvoiceListView key={invoicesHref(pageFilters)} rows={list.rows} filters={pageFilters} canWrite={canWrite} exportQuery={exportQuery} />
            )}
          </Card>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <InvoiceListTotals page={list.page} pageSize={list.pageSize} shown={list.rows.length} total={list.total} totals={list.totalsByCurrency} />
            <PaginationLinks className="flex-1" page={list.page} pageCount={list.pageCount} hrefFor={(page) => invoicesHref({ ...filters, page })} />
          </div>
        </>
      )}
    </div>
  );
}

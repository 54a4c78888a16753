import { BarChart3, Download, Upload, UserPlus } from "lucide-react";
import Link from "next/link";
import { CustomersTable } from "@/components/customers/list/customers-table";
import { CustomerFilterBar } from "@/components/customers/list/filter-bar";
import { ListSummary } from "@/components/customers/list/list-summary";
import { NoCustomersYet, NoMatches } from "@/components/customers/list/list-empty-state";
import { CustomerStatsCards } from "@/components/customers/list/stats-cards";
import { ViewsMenu } from "@/components/customers/list/views-menu";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { customersHref, hasActiveFilters, parseListParams, viewQuery, type SearchParamsInput } from "@/lib/customers/list-params";
import { customerFilterOptions, customerListStats, listCustomers } from "@/lib/customers/queries";
import { listSavedViews } from "@/lib/customers/saved-views";

export const dynamic = "force-dynamic";
export const metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const user = await requirePermission("customers.read");
  const filters = parseListParams(await searchParams);
  const db = await getDb();
  const [list, stats, options, views] = await Promise.all([
    listCustomers(db, filters),
    customerListStats(db),
    customerFilterOptions(db),
    listSavedViews(db, user.id),
  ]);
  const canWrite = can(user.role, "customers.write");
  const canDelete = can(user.role, "customers.delete");
  const query = viewQuery(filters);

  const actions = (
    <>
      <Link href="/customers/stats" className={buttonVariants({ variant: "ghost" })}>
        <BarChart3 />
        Statistics
      </Link>
      {canWrite ? (
        <>
          {/* a plain link: the browser downloads the streamed file */}
          <a href={query ? `/api/customers/export?${query}` : "/api/customers/export"} className={buttonVariants({ variant: "outline" })} download data-testid="export-customers">
            <Download />
            Export
          </a>
          <Link href="/customers/import" className={buttonVariants({ variant: "outline" })}>
            <Upload />
            Import
          </Link>
          <Link href="/customers/new" className={buttonVariants()}>
            <UserPlus />
            New customer
          </Link>
        </>
      ) : null}
    </>
  );

  return (
    <div className="space-y-6">
      <PageHeader title="Customers" description="Everyone you invoice: search, filter, and save the views you use." actions={actions} />
      <CustomerStatsCards stats={stats} />
      {stats.total === 0 ? (
        <Card className="py-0">
          <NoCustomersYet canWrite={canWrite} />
        </Card>
      ) : (
        <>
          <CustomerFilterBar filters={filters} options={options}>
            <ViewsMenu views={views} currentQuery={query} />
          </CustomerFilterBar>
          <Card className="py-0">
            {list.rows.length === 0 ? (
              <NoMatches filters={filters} filtered={hasActiveFilters(filters)} />
            ) : (
              <CustomersTable rows={list.rows} filters={{ ...filters, page: list.page }} canWrite={canWrite} canDelete={canDelete} />
            )}
          </Card>
          <div className="flex flex-wrap items-center justify-between gap-4">
            <ListSummary page={list.page} pageSize={filters.pageSize} shown={list.rows.length} total={list.total} />
            <PaginationLinks className="flex-1" page={list.page} pageCount={list.pageCount} hrefFor={(page) => customersHref({ ...filters, page })} />
          </div>
        </>
      )}
    </div>
  );
}

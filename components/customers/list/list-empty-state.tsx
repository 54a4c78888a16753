import { SearchX, Upload, UserPlus, Users } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { NoFilterMatches } from "@/components/ui/no-filter-matches";
import { customersHref, type CustomerListFilters } from "@/lib/customers/list-params";

/** No customers at all: invite creating or importing (for those who may). */
export function NoCustomersYet({ canWrite }: { canWrite: boolean }) {
  return (
    <EmptyState
      data-testid="customers-empty"
      icon={<Users />}
      title="No customers yet"
      description={canWrite ? "Create your first customer or import a CSV." : "Customers appear here once someone from finance adds them."}
    >
      {canWrite ? (
        <>
          <Link href="/customers/new" className={buttonVariants()}>
            <UserPlus />
            New customer
          </Link>
          <Link href="/customers/import" className={buttonVariants({ variant: "outline" })}>
            <Upload />
            Import CSV
          </Link>
        </>
      ) : null}
    </EmptyState>
  );
}

/** Customers exist, but none in this view. */
export function NoMatches({ filters, filtered }: { filters: CustomerListFilters; filtered: boolean }) {
  const clear = customersHref({ sort: filters.sort, dir: filters.dir, pageSize: filters.pageSize });
  return filtered ? (
    <NoFilterMatches things="customers" clearHref={clear} testId="customers-no-match" />
  ) : (
    // nothing filtered and still empty: every customer is archived
    <EmptyState data-testid="customers-no-match" icon={<SearchX />} title="No active or suspended customers" description="Every customer is archived.">
      <Link href={customersHref({ status: ["archived"] })} className={buttonVariants({ variant: "outline" })}>
        Show archived
      </Link>
    </EmptyState>
  );
}

"use client";

import { Loader2 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { FilterChoice, FilterField } from "@/components/admin/filter-form";
import { buttonVariants } from "@/components/ui/button";
import { SearchBox } from "@/components/ui/search-box";
import { useListNavigation } from "@/components/ui/use-list-navigation";
import { customersHref, hasActiveFilters, type CustomerListFilters } from "@/lib/customers/list-params";
import type { CustomerFilterOptions } from "@/lib/customers/queries";
import { StatusFilter } from "./status-filter";

/** Search and filters of the customer list; their state is the URL, so every view can be bookmarked. */
export function CustomerFilterBar({ filters, options, children }: { filters: CustomerListFilters; options: CustomerFilterOptions; children?: ReactNode }) {
  const { navigate, pending } = useListNavigation(filters, customersHref);
  return (
    <div role="search" aria-label="Filter customers" className="flex flex-wrap items-end gap-3">
      <FilterField label="Search" htmlFor="customer-search">
        <SearchBox
          id="customer-search"
          placeholder="Name, email, phone, number, tax id"
          value={filters.q ?? ""}
          onSearch={(q) => navigate({ q })}
        />
      </FilterField>
      <FilterField label="Status" htmlFor="customer-status">
        <StatusFilter selected={filters.status} includeArchived={filters.includeArchived} onChange={(status) => navigate({ status, includeArchived: false })} />
      </FilterField>
      <FilterChoice id="customer-tag" label="Tag" value={filters.tag} options={options.tags} anyLabel="Any tag" onChange={(tag) => navigate({ tag })} />
      <FilterChoice id="customer-country" label="Country" value={filters.country} options={options.countries} anyLabel="Any country" onChange={(country) => navigate({ country })} />
      <FilterChoice id="customer-currency" label="Currency" value={filters.currency} options={options.currencies} anyLabel="Any currency" onChange={(currency) => navigate({ currency })} />
      {hasActiveFilters(filters) ? (
        <Link href={customersHref({ sort: filters.sort, dir: filters.dir, pageSize: filters.pageSize })} className={buttonVariants({ variant: "ghost" })}>
          Clear filters
        </Link>
      ) : null}
      {pending ? <Loader2 aria-label="Loading" className="mb-2.5 size-4 animate-spin text-muted-foreground" /> : null}
      {children ? <div className="ml-auto">{children}</div> : null}
    </div>
  );
}

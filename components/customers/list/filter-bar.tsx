"use client";

import { Loader2 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { NativeSelect } from "@/components/admin/native-select";
import { buttonVariants } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { customersHref, hasActiveFilters, type CustomerListFilters } from "@/lib/customers/list-params";
import type { CustomerFilterOptions } from "@/lib/customers/queries";
import { SearchBox } from "./search-box";
import { StatusFilter } from "./status-filter";
import { useListNavigation } from "./use-list-navigation";

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={htmlFor} className="text-xs text-muted-foreground">
        {label}
      </Label>
      {children}
    </div>
  );
}

function OptionSelect({ id, label, value, options, anyLabel, onChange }: { id: string; label: string; value: string | undefined; options: string[]; anyLabel: string; onChange: (value: string | undefined) => void }) {
  // a value from the URL that no customer has (yet) still shows as chosen
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <Field label={label} htmlFor={id}>
      <NativeSelect id={id} className="w-36" value={value ?? ""} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{anyLabel}</option>
        {all.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}

/** Search and filters of the customer list; their state is the URL, so every view can be bookmarked. */
export function CustomerFilterBar({ filters, options, children }: { filters: CustomerListFilters; options: CustomerFilterOptions; children?: ReactNode }) {
  const { navigate, pending } = useListNavigation(filters);
  return (
    <div role="search" aria-label="Filter customers" className="flex flex-wrap items-end gap-3">
      <Field label="Search" htmlFor="customer-search">
        <SearchBox value={filters.q ?? ""} onSearch={(q) => navigate({ q })} />
      </Field>
      <Field label="Status" htmlFor="customer-status">
        <StatusFilter selected={filters.status} includeArchived={filters.includeArchived} onChange={(status) => navigate({ status, includeArchived: false })} />
      </Field>
      <OptionSelect id="customer-tag" label="Tag" value={filters.tag} options={options.tags} anyLabel="Any tag" onChange={(tag) => navigate({ tag })} />
      <OptionSelect id="customer-country" label="Country" value={filters.country} options={options.countries} anyLabel="Any country" onChange={(country) => navigate({ country })} />
      <OptionSelect id="customer-currency" label="Currency" value={filters.currency} options={options.currencies} anyLabel="Any currency" onChange={(currency) => navigate({ currency })} />
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

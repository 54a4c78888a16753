"use client";

import { Loader2, X } from "lucide-react";
import Link from "next/link";
import { FilterChoice, FilterField } from "@/components/admin/filter-form";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SearchBox } from "@/components/ui/search-box";
import { useListNavigation } from "@/components/ui/use-list-navigation";
import { clearedInvoicesHref, hasInvoiceFilters, invoicesHref, type InvoiceListFilters } from "@/lib/invoices/list-params";
import { InvoiceStatusFilter } from "./status-filter";

type DateKey = "issuedFrom" | "issuedTo" | "dueFrom" | "dueTo";

/** Two date inputs, inclusive at both ends; either may be left open. */
function DateRange({ label, id, from, to, value, onChange }: { label: string; id: string; from: DateKey; to: DateKey; value: InvoiceListFilters; onChange: (changes: Partial<InvoiceListFilters>) => void }) {
  return (
    <FilterField label={label} htmlFor={`${id}-from`}>
      <div className="flex items-center gap-1">
        <Input id={`${id}-from`} type="date" aria-label={`${label} from`} className="w-36" value={value[from] ?? ""} max={value[to]} onChange={(event) => onChange({ [from]: event.target.value || undefined })} />
        <span className="text-muted-foreground">–</span>
        <Input id={`${id}-to`} type="date" aria-label={`${label} to`} className="w-36" value={value[to] ?? ""} min={value[from]} onChange={(event) => onChange({ [to]: event.target.value || undefined })} />
      </div>
    </FilterField>
  );
}

/**
 * Search and filters of the invoice list; their state is the URL, so every view can be bookmarked
 * and shared. `customerName` names the customer the list is narrowed to, if any.
 */
export function InvoiceFilterBar({ filters, currencies, customerName }: { filters: InvoiceListFilters; currencies: string[]; customerName: string | null }) {
  const { navigate, pending } = useListNavigation(filters, invoicesHref);
  return (
    <div role="search" aria-label="Filter invoices" className="flex flex-wrap items-end gap-3">
      <FilterField label="Search" htmlFor="invoice-search">
        <SearchBox
          id="invoice-search"
          placeholder="Number, customer or amount"
          value={filters.q ?? ""}
          onSearch={(q) => navigate({ q })}
        />
      </FilterField>
      <FilterField label="Status" htmlFor="invoice-status">
        <InvoiceStatusFilter id="invoice-status" selected={filters.status} onChange={(status) => navigate({ status })} />
      </FilterField>
      <DateRange label="Issued" id="invoice-issued" from="issuedFrom" to="issuedTo" value={filters} onChange={navigate} />
      <DateRange label="Due" id="invoice-due" from="dueFrom" to="dueTo" value={filters} onChange={navigate} />
      <FilterChoice id="invoice-currency" label="Currency" value={filters.currency} options={currencies} anyLabel="Any currency" onChange={(currency) => navigate({ currency })} className="w-32" />
      {filters.customerId ? (
        <FilterField label="Customer" htmlFor="invoice-customer">
          <Button id="invoice-customer" variant="secondary" className="max-w-56" onClick={() => navigate({ customerId: undefined })} aria-label={`Customer: ${customerName ?? "unknown"}. Remove this filter`} data-testid="customer-filter">
            <span className="truncate">{customerName ?? "Unknown customer"}</span>
            <X />
          </Button>
        </FilterField>
      ) : null}
      {hasInvoiceFilters(filters) ? (
        <Link href={clearedInvoicesHref(filters)} className={buttonVariants({ variant: "ghost" })}>
          Clear filters
        </Link>
      ) : null}
      {pending ? <Loader2 aria-label="Loading" className="mb-2.5 size-4 animate-spin text-muted-foreground" /> : null}
    </div>
  );
}

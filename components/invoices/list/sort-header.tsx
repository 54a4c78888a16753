import { SortLink } from "@/components/ui/sort-link";
import { defaultDir, invoicesHref, type InvoiceListFilters, type InvoiceSort } from "@/lib/invoices/list-params";

/** A sorting column title of the invoice list (back to page 1). */
export function InvoiceSortHeader({ filters, sort, label, className }: { filters: InvoiceListFilters; sort: InvoiceSort; label: string; className?: string }) {
  const hrefFor = (dir: InvoiceListFilters["dir"]) => invoicesHref({ ...filters, sort, dir, page: 1 });
  return <SortLink label={label} active={filters.sort === sort} dir={filters.dir} defaultDir={defaultDir(sort)} hrefFor={hrefFor} className={className} />;
}

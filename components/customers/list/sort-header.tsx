import { SortLink } from "@/components/ui/sort-link";
import { customersHref, defaultDir, type CustomerListFilters, type ListSort } from "@/lib/customers/list-params";

/** A sorting column title of the customer list (back to page 1). */
export function SortHeader({ filters, sort, label }: { filters: CustomerListFilters; sort: ListSort; label: string }) {
  const hrefFor = (dir: CustomerListFilters["dir"]) => customersHref({ ...filters, sort, dir, page: 1 });
  return <SortLink label={label} active={filters.sort === sort} dir={filters.dir} defaultDir={defaultDir(sort)} hrefFor={hrefFor} />;
}

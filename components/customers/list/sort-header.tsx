import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { customersHref, defaultDir, type CustomerListFilters, type ListSort } from "@/lib/customers/list-params";

/** A column title that sorts by linking: the current sort flips direction, another starts at its default. */
export function SortHeader({ filters, sort, label }: { filters: CustomerListFilters; sort: ListSort; label: string }) {
  const active = filters.sort === sort;
  const dir = active ? (filters.dir === "asc" ? "desc" : "asc") : defaultDir(sort);
  const Icon = !active ? ArrowUpDown : filters.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <Link
      href={customersHref({ ...filters, sort, dir, page: 1 })}
      scroll={false}
      className="-ml-2 inline-flex items-center gap-1 rounded-md px-2 py-1 hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
      aria-label={`${label}: sort ${dir === "asc" ? "ascending" : "descending"}`}
    >
      {label}
      <Icon className={active ? "size-3.5" : "size-3.5 opacity-40"} />
    </Link>
  );
}

import { SortLink } from "@/components/ui/sort-link";
import { defaultDir, productsHref, type ProductListFilters, type ProductSort } from "@/lib/products/list-params";

/** A sorting column title of the product list (back to page 1). */
export function SortHeader({ filters, sort, label }: { filters: ProductListFilters; sort: ProductSort; label: string }) {
  const hrefFor = (dir: ProductListFilters["dir"]) => productsHref({ ...filters, sort, dir, page: 1 });
  return <SortLink label={label} active={filters.sort === sort} dir={filters.dir} defaultDir={defaultDir(sort)} hrefFor={hrefFor} />;
}

import { FilterForm, FilterInput, FilterSelect } from "@/components/admin/filter-form";
import { defaultDir, type ProductListFilters } from "@/lib/products/list-params";

const STATUS_OPTIONS = [
  { value: "active", label: "Active" },
  { value: "inactive", label: "Inactive" },
];

/** A GET form: search and filters land in the URL (the sort is kept), so every view can be bookmarked. */
export function ProductFilters({ filters, currencies }: { filters: ProductListFilters; currencies: string[] }) {
  // a currency from the URL that no product has (yet) still shows as chosen
  const currencyOptions = filters.currency && !currencies.includes(filters.currency) ? [filters.currency, ...currencies] : currencies;
  return (
    <FilterForm action="/products">
      <FilterInput label="Search" name="q" type="search" placeholder="Name, SKU or description" value={filters.q} maxLength={200} className="grid w-72 gap-1.5" />
      <FilterSelect label="Status" name="status" value={filters.status} allLabel="Active and inactive" options={STATUS_OPTIONS} />
      <FilterSelect label="Currency" name="currency" value={filters.currency} allLabel="Any currency" options={currencyOptions} />
      {filters.sort !== "name" ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      {filters.dir !== defaultDir(filters.sort) ? <input type="hidden" name="dir" value={filters.dir} /> : null}
    </FilterForm>
  );
}

import { SortLink } from "@/components/ui/sort-link";
import { defaultPaymentDir, paymentsHref, type PaymentListFilters, type PaymentSort } from "@/lib/payments/list-params";

/** A sorting column title of the payment list (back to page 1). */
export function PaymentSortHeader({ filters, sort, label, className }: { filters: PaymentListFilters; sort: PaymentSort; label: string; className?: string }) {
  const hrefFor = (dir: PaymentListFilters["dir"]) => paymentsHref({ ...filters, sort, dir, page: 1 });
  return <SortLink label={label} active={filters.sort === sort} dir={filters.dir} defaultDir={defaultPaymentDir(sort)} hrefFor={hrefFor} className={className} />;
}

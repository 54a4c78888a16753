import type { CurrencyTotals } from "@/lib/invoices/list";
import { formatMoney } from "@/lib/money";

const numberFormat = new Intl.NumberFormat("en-US");

/**
 * Under the table: which rows are shown, and the totals of every invoice the filters match (all
 * pages), one line per currency because amounts in different currencies never add up.
 */
export function InvoiceListTotals({ page, pageSize, shown, total, totals }: { page: number; pageSize: number; shown: number; total: number; totals: CurrencyTotals[] }) {
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  return (
    <div className="space-y-1" data-testid="invoice-totals">
      <p className="text-sm text-muted-foreground" data-testid="invoices-count">
        Showing {numberFormat.format(from)}–{numberFormat.format(from + shown - 1)} of {numberFormat.format(total)} {total === 1 ? "invoice" : "invoices"}
      </p>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {totals.map((row) => (
          <div key={row.currency} className="flex gap-2" data-testid="currency-total" data-currency={row.currency}>
            <dt className="font-medium">
              {row.currency} <span className="font-normal text-muted-foreground">({numberFormat.format(row.count)})</span>
            </dt>
            <dd className="tabular-nums">
              {formatMoney(row.total, row.currency)} total · <span className="font-medium">{formatMoney(row.amountDue, row.currency)}</span> due
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

import type { ReactNode } from "react";

const numberFormat = new Intl.NumberFormat("en-US");

export type CurrencyTotalRow = { currency: string; count: number; figures: ReactNode };

/**
 * Under a list: which rows are shown, and one line per currency for every row the filters match
 * (all pages), because amounts in different currencies never add up.
 */
export function ListTotals(props: { noun: [singular: string, plural: string]; testId: string; page: number; pageSize: number; shown: number; total: number; rows: CurrencyTotalRow[] }) {
  const { noun, testId, page, pageSize, shown, total, rows } = props;
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  return (
    <div className="space-y-1" data-testid={`${testId}-totals`}>
      <p className="text-sm text-muted-foreground" data-testid={`${testId}s-count`}>
        Showing {numberFormat.format(from)}–{numberFormat.format(from + shown - 1)} of {numberFormat.format(total)} {total === 1 ? noun[0] : noun[1]}
      </p>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {rows.map((row) => (
          <div key={row.currency} className="flex gap-2" data-testid="currency-total" data-currency={row.currency}>
            <dt className="font-medium">
              {row.currency} <span className="font-normal text-muted-foreground">({numberFormat.format(row.count)})</span>
            </dt>
            <dd className="tabular-nums">{row.figures}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

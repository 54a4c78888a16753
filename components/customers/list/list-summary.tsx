const numberFormat = new Intl.NumberFormat("en-US");

/** "Showing 26–50 of 1,204 customers" under the table. */
export function ListSummary({ page, pageSize, shown, total }: { page: number; pageSize: number; shown: number; total: number }) {
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  return (
    <p className="text-sm text-muted-foreground" data-testid="customers-count">
      Showing {numberFormat.format(from)}–{numberFormat.format(from + shown - 1)} of {numberFormat.format(total)} {total === 1 ? "customer" : "customers"}
    </p>
  );
}

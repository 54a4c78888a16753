import { ListTotals } from "@/components/ui/list-totals";
import type { CurrencyTotals } from "@/lib/invoices/list";
import { formatMoney } from "@/lib/money";

/** Under the invoice table: the rows shown, and per currency the total and what is still due. */
export function InvoiceListTotals({ totals, ...shown }: { page: number; pageSize: number; shown: number; total: number; totals: CurrencyTotals[] }) {
  const rows = totals.map((row) => ({
    currency: row.currency,
    count: row.count,
    figures: (
      <>
        {formatMoney(row.total, row.currency)} total · <span className="font-medium">{formatMoney(row.amountDue, row.currency)}</span> due
      </>
    ),
  }));
  return <ListTotals noun={["invoice", "invoices"]} testId="invoice" rows={rows} {...shown} />;
}

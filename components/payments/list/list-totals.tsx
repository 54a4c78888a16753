import { ListTotals } from "@/components/ui/list-totals";
import { formatMoney } from "@/lib/money";
import type { PaymentCurrencyTotals } from "@/lib/payments/list";

/** Under the payment table: the rows shown, and per currency how many payments match and how much of it succeeded. */
export function PaymentListTotals({ totals, ...shown }: { page: number; pageSize: number; shown: number; total: number; totals: PaymentCurrencyTotals[] }) {
  const rows = totals.map((row) => ({ currency: row.currency, count: row.count, figures: `${formatMoney(row.received, row.currency)} received` }));
  return <ListTotals noun={["payment", "payments"]} testId="payment" rows={rows} {...shown} />;
}

import Link from "next/link";
import type { TopCustomer } from "@/lib/dashboard/top-customers";
import { formatMoney } from "@/lib/money";

/** Customers ranked by what they paid (net of refunds) in the range. */
export function TopCustomers({ rows, currency }: { rows: TopCustomer[]; currency: string }) {
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-muted-foreground">No payments in this range.</p>;
  const top = rows[0]?.collected ?? 0n;
  return (
    <ol className="space-y-3" data-testid="dashboard-top-customers">
      {rows.map((row, index) => (
        <li key={row.customerId} className="text-sm" data-testid="top-customer-row">
          <div className="flex items-baseline justify-between gap-3">
            <Link href={`/customers/${row.customerId}`} className="truncate hover:underline">
              {index + 1}. {row.name}
            </Link>
            <span className="tabular-nums">{formatMoney(row.collected, currency)}</span>
          </div>
          {/* bar length relative to the first: exact integer ratio, in whole percent */}
          <div className="mt-1 h-1.5 rounded-full bg-muted">
            <div className="h-1.5 rounded-full bg-primary" style={{ width: `${top > 0n ? Number((row.collected * 100n) / top) : 0}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}

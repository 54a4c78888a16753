import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { CurrencyUsage } from "@/lib/dashboard/currencies";

/**
 * Range and currency as a plain GET form: the URL is the state, so a view can be bookmarked and
 * works without JavaScript.
 */
export function DashboardFilters({ from, to, currency, currencies, custom }: { from: string; to: string; currency: string; currencies: CurrencyUsage[]; custom: boolean }) {
  return (
    <form method="get" action="/dashboard" className="flex flex-wrap items-end gap-3" data-testid="dashboard-filters">
      <div className="grid gap-1.5">
        <Label htmlFor="dashboard-from">From</Label>
        <Input id="dashboard-from" name="from" type="date" defaultValue={from} className="w-40" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="dashboard-to">To</Label>
        <Input id="dashboard-to" name="to" type="date" defaultValue={to} className="w-40" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="dashboard-currency">Currency</Label>
        <select
          id="dashboard-currency"
          name="currency"
          defaultValue={currency}
          data-testid="dashboard-currency"
          className="h-9 w-28 rounded-md border border-input bg-transparent px-3 text-sm shadow-xs focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
        >
          {(currencies.length ? currencies : [{ currency, documents: 0 }]).map((usage) => (
            <option key={usage.currency} value={usage.currency}>
              {usage.currency}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="outline">
        Apply
      </Button>
      {custom ? (
        <Link href={`/dashboard?currency=${currency}`} className="pb-2 text-sm text-muted-foreground hover:underline">
          Last 12 months
        </Link>
      ) : null}
    </form>
  );
}

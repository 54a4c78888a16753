import { ListFilter } from "lucide-react";
import Link from "next/link";

/**
 * A list's customer column: the customer's page, plus a small filter link that narrows the list to
 * them (left out once the list is already filtered to this customer).
 */
export function CustomerCell({ customerId, customerName, filterHref, noun }: { customerId: string; customerName: string; filterHref: string | null; noun: string }) {
  return (
    <div className="flex items-center gap-1">
      <Link href={`/customers/${customerId}`} className="font-medium hover:underline">
        {customerName}
      </Link>
      {filterHref ? (
        <Link
          href={filterHref}
          className="rounded-sm p-0.5 text-muted-foreground opacity-60 hover:opacity-100 focus-visible:opacity-100"
          aria-label={`Only ${noun} of ${customerName}`}
          title={`Only this customer's ${noun}`}
        >
          <ListFilter className="size-3.5" />
        </Link>
      ) : null}
    </div>
  );
}

import Link from "next/link";

const numberFormat = new Intl.NumberFormat("en-US");

/** A short ranking with proportional bars (top tags, countries); each name can link to the filtered list. */
export function RankedList({ items, hrefFor, empty, testId }: { items: { name: string; count: number }[]; hrefFor?: (name: string) => string | undefined; empty: string; testId: string }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  const max = Math.max(...items.map((item) => item.count));
  return (
    <ol className="space-y-2" data-testid={testId}>
      {items.map((item) => {
        const href = hrefFor?.(item.name);
        return (
          <li key={item.name} className="grid grid-cols-[8rem_1fr_3rem] items-center gap-3 text-sm">
            {href ? (
              <Link href={href} className="truncate hover:underline">
                {item.name}
              </Link>
            ) : (
              <span className="truncate">{item.name}</span>
            )}
            <div className="h-2 rounded-full bg-muted">
              <div className="h-2 rounded-full bg-chart-2" style={{ width: `${Math.max(2, (item.count / max) * 100)}%` }} />
            </div>
            <span className="text-right tabular-nums text-muted-foreground">{numberFormat.format(item.count)}</span>
          </li>
        );
      })}
    </ol>
  );
}

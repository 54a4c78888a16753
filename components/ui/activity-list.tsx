import { formatDateTime } from "@/components/admin/format";
import type { ActivityItem } from "@/lib/audit-log/activity-item";

/** Audit events in words on a vertical line: what happened, who did it, and when. */
export function ActivityList({ items, testId }: { items: ActivityItem[]; testId: string }) {
  return (
    <ol className="relative space-y-4 border-l pl-5" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} className="relative">
          <span className="absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full border-2 border-background bg-primary" aria-hidden />
          <p className="text-sm">
            <span className="font-medium">{item.summary}</span>
            <span className="text-muted-foreground"> · {item.actorName}</span>
          </p>
          {item.detail ? <p className="text-sm whitespace-pre-wrap text-muted-foreground">{item.detail}</p> : null}
          <p className="text-xs text-muted-foreground">
            <time dateTime={item.at.toISOString()}>{formatDateTime(item.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}

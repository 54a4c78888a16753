import Link from "next/link";
import { formatDateTime } from "@/components/admin/format";
import type { ActivityRow } from "@/lib/dashboard/activity";
import { formatMoney } from "@/lib/money";

/** The latest money events: what happened, to which document, by whom and when. */
export function ActivityFeed({ rows }: { rows: ActivityRow[] }) {
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-muted-foreground">No activity yet.</p>;
  return (
    <ol className="space-y-3" data-testid="dashboard-activity">
      {rows.map((row) => {
        const subject = row.subject ?? "";
        return (
          <li key={row.id} className="text-sm" data-testid="activity-row">
            <p>
              <span className="font-medium">{row.summary}</span>
              {subject ? (
                <>
                  {" "}
                  {row.href ? (
                    <Link href={row.href} className="text-primary hover:underline">
                      {subject}
                    </Link>
                  ) : (
                    subject
                  )}
                </>
              ) : null}
              {row.amount ? <span className="text-muted-foreground"> · {formatMoney(row.amount.minor, row.amount.currency)}</span> : null}
            </p>
            <p className="text-xs text-muted-foreground">
              {row.actorName} · <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time>
            </p>
          </li>
        );
      })}
    </ol>
  );
}

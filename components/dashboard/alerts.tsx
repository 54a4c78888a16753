import { AlertTriangle, Inbox } from "lucide-react";
import Link from "next/link";
import { formatDateTime } from "@/components/admin/format";
import type { DashboardAlerts } from "@/lib/dashboard/alerts";

/** Work waiting for someone: customers' payments to approve and disputes to answer. Shown only when there is some. */
export function AlertsBar({ alerts }: { alerts: DashboardAlerts }) {
  if (alerts.pendingApprovals === 0 && alerts.openDisputes === 0) return null;
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {alerts.pendingApprovals > 0 ? (
        <Link href="/payments/approvals" className="flex items-center gap-3 rounded-lg border border-warning/50 bg-warning/10 p-4 text-sm hover:bg-warning/20" data-testid="alert-approvals">
          <Inbox className="size-5 shrink-0" />
          <span>
            <span className="font-medium">
              {alerts.pendingApprovals} {alerts.pendingApprovals === 1 ? "payment waits" : "payments wait"} for approval
            </span>
            <span className="block text-muted-foreground">Customers said they have paid; check and approve or reject.</span>
          </span>
        </Link>
      ) : null}
      {alerts.openDisputes > 0 ? (
        <Link href="/disputes?status=open" className="flex items-center gap-3 rounded-lg border border-destructive/50 bg-destructive/10 p-4 text-sm hover:bg-destructive/20" data-testid="alert-disputes">
          <AlertTriangle className="size-5 shrink-0" />
          <span>
            <span className="font-medium">
              {alerts.openDisputes} open {alerts.openDisputes === 1 ? "dispute" : "disputes"}
            </span>
            <span className="block text-muted-foreground">
              {alerts.nearestEvidenceDue ? <>Next evidence due {formatDateTime(alerts.nearestEvidenceDue)}</> : "No evidence deadline pending."}
            </span>
          </span>
        </Link>
      ) : null}
    </div>
  );
}

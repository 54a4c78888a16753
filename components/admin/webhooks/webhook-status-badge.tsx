import { Badge } from "@/components/ui/badge";
import type { WebhookLogStatus } from "@/lib/webhooks/log";

const VARIANT: Record<WebhookLogStatus, "secondary" | "destructive" | "success" | "warning"> = {
  received: "secondary",
  failed: "destructive",
  processed: "success",
  held: "warning",
};

/** A webhook event's status as the log shows it; "processed" names its outcome when known. */
export function WebhookStatusBadge({ status, outcome }: { status: WebhookLogStatus; outcome?: string | null }) {
  const label = status === "processed" && outcome ? `processed · ${outcome}` : status;
  return (
    <Badge variant={VARIANT[status]} data-status={status}>
      {label}
    </Badge>
  );
}

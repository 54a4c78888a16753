import { Badge } from "@/components/ui/badge";
import type { EmailStatus } from "@/db/schema";

const VARIANT: Record<EmailStatus, "default" | "secondary" | "destructive" | "outline" | "success" | "warning"> = {
  queued: "secondary",
  sent: "default",
  delayed: "warning",
  delivered: "success",
  opened: "success",
  bounced: "destructive",
  complained: "warning",
  failed: "destructive",
};

/** An email's delivery status as the outbox and an invoice's email history show it. */
export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return (
    <Badge variant={VARIANT[status]} data-status={status}>
      {status}
    </Badge>
  );
}

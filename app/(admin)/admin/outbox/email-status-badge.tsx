import { Badge } from "@/components/ui/badge";
import type { EmailStatus } from "@/db/schema";

const VARIANT: Record<EmailStatus, "default" | "secondary" | "destructive" | "outline" | "success" | "warning"> = {
  queued: "secondary",
  sent: "default",
  delivered: "success",
  opened: "success",
  bounced: "destructive",
  complained: "warning",
  failed: "destructive",
};

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return (
    <Badge variant={VARIANT[status]} data-status={status}>
      {status}
    </Badge>
  );
}

import { Badge } from "@/components/ui/badge";
import type { DisputeStatus } from "@/db/schema/disputes";
import { DISPUTE_STATUS_LABELS } from "@/lib/disputes/status";

type Variant = "secondary" | "outline" | "success" | "warning" | "destructive";

const VARIANTS: Record<DisputeStatus, Variant> = {
  warning_needs_response: "warning",
  warning_under_review: "secondary",
  warning_closed: "outline",
  needs_response: "destructive",
  under_review: "secondary",
  won: "success",
  lost: "destructive",
  prevented: "outline",
};

export function DisputeStatusBadge({ status }: { status: DisputeStatus }) {
  return (
    <Badge variant={VARIANTS[status]} data-testid="dispute-status" data-status={status}>
      {DISPUTE_STATUS_LABELS[status]}
    </Badge>
  );
}

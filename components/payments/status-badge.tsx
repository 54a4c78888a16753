import { Badge } from "@/components/ui/badge";
import type { PaymentStatus } from "@/db/schema/payments";
import { PAYMENT_STATUS_LABELS } from "@/lib/payments/list-params";
import { cn } from "@/lib/utils";

type Variant = "secondary" | "outline" | "success" | "warning" | "destructive";

// one look per status wherever a payment appears
const STYLES: Record<PaymentStatus, { variant: Variant; className?: string }> = {
  pending: { variant: "warning" },
  succeeded: { variant: "success" },
  failed: { variant: "destructive" },
  rejected: { variant: "outline", className: "border-destructive/50 text-destructive" },
  voided: { variant: "outline", className: "text-muted-foreground line-through" },
};

export function PaymentStatusBadge({ status, className }: { status: PaymentStatus; className?: string }) {
  const style = STYLES[status];
  return (
    <Badge variant={style.variant} className={cn(style.className, className)} data-testid="payment-status" data-status={status}>
      {PAYMENT_STATUS_LABELS[status]}
    </Badge>
  );
}

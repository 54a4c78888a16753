import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { STATUS_LABELS, type DisplayStatus } from "@/lib/invoices/status";

type Variant = "default" | "secondary" | "outline" | "success" | "warning" | "destructive";

// one look per status wherever an invoice appears (lists, detail, portal); "overdue" is derived
const STYLES: Record<DisplayStatus, { variant: Variant; className?: string }> = {
  draft: { variant: "outline", className: "text-muted-foreground" },
  finalized: { variant: "secondary" },
  sent: { variant: "secondary", className: "bg-sky-100 text-sky-800 dark:bg-sky-900/40 dark:text-sky-200" },
  viewed: { variant: "secondary", className: "bg-indigo-100 text-indigo-800 dark:bg-indigo-900/40 dark:text-indigo-200" },
  partial: { variant: "warning" },
  paid: { variant: "success" },
  overdue: { variant: "destructive" },
  void: { variant: "outline", className: "text-muted-foreground line-through" },
  uncollectible: { variant: "outline", className: "border-destructive/50 text-destructive" },
};

/** The invoice's status as people see it (pass `displayStatus(invoice, today)`, not the stored one, to show "Overdue"). */
export function InvoiceStatusBadge({ status, className }: { status: DisplayStatus; className?: string }) {
  const style = STYLES[status];
  return (
    <Badge variant={style.variant} className={cn(style.className, className)} data-testid="invoice-status" data-status={status}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

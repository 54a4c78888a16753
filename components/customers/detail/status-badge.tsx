import { Badge } from "@/components/ui/badge";
import type { CustomerStatus } from "@/db/schema/customers";

const STATUS: Record<CustomerStatus, { label: string; variant: "success" | "warning" | "secondary" }> = {
  active: { label: "Active", variant: "success" },
  suspended: { label: "Suspended", variant: "warning" },
  archived: { label: "Archived", variant: "secondary" },
};

export function CustomerStatusBadge({ status }: { status: CustomerStatus }) {
  const { label, variant } = STATUS[status];
  return (
    <Badge variant={variant} data-testid="customer-status">
      {label}
    </Badge>
  );
}

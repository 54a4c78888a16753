import { CreditCard } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

/** No payments at all yet. */
export function NoPaymentsYet() {
  return (
    <EmptyState
      data-testid="payments-empty"
      icon={<CreditCard />}
      title="No payments yet"
      description="Payments appear here when customers pay online, submit a bank transfer, or when finance records one on an invoice."
    />
  );
}

"use client";

import { retryRefundAction } from "@/app/(staff)/payments/[id]/actions";
import { useRunAction } from "@/components/invoices/detail/use-run-action";
import { Button } from "@/components/ui/button";

/** Asks the gateway again for a refund whose answer never came; the same key means no second payout. */
export function RetryRefundButton({ paymentId, refundId }: { paymentId: string; refundId: string }) {
  const { run, pending } = useRunAction();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      data-testid="retry-refund"
      onClick={() => run(() => retryRefundAction({ paymentId, refundId }), (data) => (data.status === "succeeded" ? "Refund completed." : "Still waiting for the gateway."))}
    >
      {pending ? "Retrying…" : "Retry"}
    </Button>
  );
}

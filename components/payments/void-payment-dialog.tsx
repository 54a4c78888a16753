"use client";

import { voidPaymentAction } from "@/app/(staff)/invoices/[id]/payment-actions";
import { ReasonDialog } from "@/components/invoices/detail/reason-dialog";
import { Button } from "@/components/ui/button";

/** Voids a payment from the invoice page; every invoice it paid owes that amount again. */
export function VoidPaymentDialog({ payment, invoiceId }: { payment: { id: string; number: string }; invoiceId: string }) {
  return (
    <ReasonDialog
      title={`Void ${payment.number}?`}
      description="Use this for a payment recorded by mistake or one that bounced. Every invoice it paid owes that amount again; the payment stays on record as voided."
      placeholder="The cheque bounced"
      submitLabel="Void payment"
      successMessage={`${payment.number} is void.`}
      submit={(reason) => voidPaymentAction({ paymentId: payment.id, reason, invoiceId })}
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive" data-testid="void-payment">
          Void
        </Button>
      }
    />
  );
}

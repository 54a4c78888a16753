import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { TableCell } from "@/components/ui/table";
import type { PaymentRow } from "@/lib/payments/queries";
import { PAYMENT_METHOD_LABELS } from "@/lib/payments/schemas";

// The cells every payments table starts with, so a payment reads the same on each page.

/** The payment's number, struck through and badged once it is voided. */
export function PaymentNumberCell({ payment }: { payment: Pick<PaymentRow, "number" | "status"> }) {
  const voided = payment.status === "voided";
  return (
    <TableCell className="font-mono">
      <span className={voided ? "line-through" : undefined}>{payment.number}</span>
      {voided ? (
        <Badge variant="outline" className="ml-2 font-sans">
          Voided
        </Badge>
      ) : null}
    </TableCell>
  );
}

/** How it was paid, with its reference; `children` adds a line below (the void reason). */
export function PaymentMethodCell({ payment, children }: { payment: Pick<PaymentRow, "method" | "reference">; children?: ReactNode }) {
  return (
    <TableCell>
      {PAYMENT_METHOD_LABELS[payment.method]}
      {payment.reference ? <span className="text-muted-foreground"> · {payment.reference}</span> : null}
      {children}
    </TableCell>
  );
}

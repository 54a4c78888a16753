import { FileDown } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { PaymentStatusBadge } from "@/components/payments/status-badge";
import { buttonVariants } from "@/components/ui/button";
import type { PaymentDetail } from "@/lib/payments/detail";
import { GATEWAY_LABELS } from "@/lib/payments/list-params";
import { PAYMENT_METHOD_LABELS } from "@/lib/payments/schemas";
import { formatMoney } from "@/lib/money";

/** Number, status, amount, customer and invoice, receipt, with the action buttons beside them. */
export function PaymentHeader({ detail, actions }: { detail: PaymentDetail; actions?: ReactNode }) {
  const { payment, customer, invoice } = detail;
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-semibold tracking-tight" data-testid="payment-number">
            {payment.number}
          </h1>
          <PaymentStatusBadge status={payment.status} />
          <span className="text-xl font-semibold tabular-nums" data-testid="payment-amount">
            {formatMoney(payment.amount, payment.currency)}
          </span>
        </div>
        <p className="text-sm text-muted-foreground">
          <Link href={`/customers/${customer.id}`} className="font-medium text-foreground underline-offset-4 hover:underline" data-testid="payment-customer">
            {customer.displayName}
          </Link>
          {invoice ? (
            <>
              {" · for "}
              <Link href={`/invoices/${invoice.id}`} className="font-mono text-foreground underline-offset-4 hover:underline" data-testid="payment-invoice">
                {invoice.number ?? "a draft"}
              </Link>
            </>
          ) : null}
          {" · "}
          {PAYMENT_METHOD_LABELS[payment.method]}
          {payment.gateway ? ` via ${GATEWAY_LABELS[payment.gateway]}` : ""}
          {payment.receiptNumber ? (
            <>
              {" · receipt "}
              <span className="font-mono" data-testid="payment-receipt-number">
                {payment.receiptNumber}
              </span>
            </>
          ) : null}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {payment.receiptNumber ? (
          // a plain link: the browser opens or downloads the PDF the route streams
          <a href={`/api/payments/${payment.id}/receipt`} className={buttonVariants({ variant: "outline" })} data-testid="receipt-pdf" target="_blank" rel="noopener">
            <FileDown />
            Receipt PDF
          </a>
        ) : null}
        {actions}
      </div>
    </div>
  );
}

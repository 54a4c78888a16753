import type { ReactNode } from "react";
import { formatDateTime } from "@/components/admin/format";
import type { PaymentDetail } from "@/lib/payments/detail";
import { GATEWAY_LABELS } from "@/lib/payments/list-params";
import { PAYMENT_METHOD_LABELS } from "@/lib/payments/schemas";
import { formatMoney } from "@/lib/money";

const ORIGIN_LABELS = { staff: "Recorded by staff", customer: "Paid by the customer", saved_card: "Saved card charge" } as const;

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-2 py-1 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="break-words" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** The payment's particulars: how, through whom, gateway ids, fee and net, decisions and failures. */
export function PaymentFacts({ detail }: { detail: PaymentDetail }) {
  const { payment } = detail;
  const money = (minor: bigint) => formatMoney(minor, payment.currency);
  return (
    <dl data-testid="payment-facts">
      <Fact label="Method">{PAYMENT_METHOD_LABELS[payment.method]}</Fact>
      <Fact label="Origin">{ORIGIN_LABELS[payment.origin]}</Fact>
      <Fact label="Received on">{payment.receivedOn}</Fact>
      {payment.reference ? <Fact label="Reference">{payment.reference}</Fact> : null}
      {payment.gateway ? <Fact label="Gateway">{GATEWAY_LABELS[payment.gateway]}</Fact> : null}
      {payment.gatewayCheckoutId ? (
        <Fact label={payment.gateway === "paypal" ? "Order" : "Checkout"} testId="gateway-checkout-id">
          <code className="text-xs">{payment.gatewayCheckoutId}</code>
        </Fact>
      ) : null}
      {payment.gatewayPaymentId ? (
        <Fact label={payment.gateway === "paypal" ? "Capture" : "Payment intent"} testId="gateway-payment-id">
          <code className="text-xs">{payment.gatewayPaymentId}</code>
        </Fact>
      ) : null}
      {payment.payerEmail ? <Fact label="Payer">{payment.payerEmail}</Fact> : null}
      {payment.feeAmount !== null ? (
        <Fact label="Gateway fee" testId="payment-fee">
          {money(payment.feeAmount)}
        </Fact>
      ) : null}
      {payment.netAmount !== null ? (
        <Fact label="Net" testId="payment-net">
          {money(payment.netAmount)}
        </Fact>
      ) : null}
      {payment.status === "succeeded" ? (
        <>
          <Fact label="Refundable" testId="payment-refundable">
            {money(detail.refundable)}
          </Fact>
          <Fact label="Unallocated credit">{money(detail.unallocated)}</Fact>
        </>
      ) : null}
      {payment.succeededAt ? <Fact label="Succeeded">{formatDateTime(payment.succeededAt)}</Fact> : null}
      {payment.decidedAt ? (
        <Fact label="Decided">
          {formatDateTime(payment.decidedAt)}
          {detail.decidedByName ? ` by ${detail.decidedByName}` : ""}
        </Fact>
      ) : null}
      {payment.failureReason ? <Fact label="Failure">{payment.failureReason}</Fact> : null}
      {payment.rejectReason ? <Fact label="Rejected because">{payment.rejectReason}</Fact> : null}
      {payment.voidReason ? <Fact label="Voided because">{payment.voidReason}</Fact> : null}
      {payment.note ? <Fact label="Note">{payment.note}</Fact> : null}
    </dl>
  );
}

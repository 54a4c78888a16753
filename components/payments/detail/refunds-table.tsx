import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PaymentDetailRefund } from "@/lib/payments/detail";
import { formatMoney } from "@/lib/money";
import { RetryRefundButton } from "./retry-refund-button";

const STATUS_VARIANT = { pending: "warning", succeeded: "success", failed: "destructive" } as const;
const ORIGIN_LABELS = { staff: "Staff", gateway: "Gateway dashboard", dispute: "Lost dispute" } as const;

/** Every refund of the payment; a pending one sent to a gateway can be sent again (same idempotency key). */
export function RefundsTable({ paymentId, refunds, canRefund }: { paymentId: string; refunds: PaymentDetailRefund[]; canRefund: boolean }) {
  if (refunds.length === 0) return <p className="text-sm text-muted-foreground">No refunds.</p>;
  return (
    <Table data-testid="payment-refunds">
      <TableHeader>
        <TableRow>
          <TableHead>Date</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Origin</TableHead>
          <TableHead>Reason</TableHead>
          <TableHead>Gateway id</TableHead>
          <TableHead className="text-right">Amount</TableHead>
          {canRefund ? <TableHead className="w-20" /> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {refunds.map((refund) => (
          <TableRow key={refund.id} data-testid="refund-row" data-status={refund.status}>
            <TableCell className="whitespace-nowrap">{refund.refundedOn}</TableCell>
            <TableCell>
              <Badge variant={STATUS_VARIANT[refund.status]}>{refund.status}</Badge>
              {refund.failureReason ? <span className="block text-xs text-muted-foreground">{refund.failureReason}</span> : null}
            </TableCell>
            <TableCell>{ORIGIN_LABELS[refund.origin]}</TableCell>
            <TableCell className="max-w-56 whitespace-pre-wrap">{refund.reason ?? "—"}</TableCell>
            <TableCell>{refund.gatewayRefundId ? <code className="text-xs">{refund.gatewayRefundId}</code> : "—"}</TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(refund.amount, refund.currency)}</TableCell>
            {canRefund ? <TableCell>{refund.status === "pending" && refund.gateway ? <RetryRefundButton paymentId={paymentId} refundId={refund.id} /> : null}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

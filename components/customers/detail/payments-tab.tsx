import { Receipt } from "lucide-react";
import Link from "next/link";
import { Fragment } from "react";
import { formatDate } from "@/components/invoices/detail/format";
import { PaymentMethodCell, PaymentNumberCell } from "@/components/payments/payment-cells";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { PaymentRow } from "@/lib/payments/queries";

/** Net amount each payment left on each invoice (a voided payment's reversals bring it to 0). */
function appliedTo(payment: PaymentRow) {
  const byInvoice = new Map<string, { number: string; amount: bigint }>();
  for (const row of payment.allocations) {
    const entry = byInvoice.get(row.invoiceId) ?? { number: row.invoiceNumber, amount: 0n };
    entry.amount += row.amount;
    byInvoice.set(row.invoiceId, entry);
  }
  return [...byInvoice].filter(([, entry]) => entry.amount !== 0n);
}

/** The customer's payments, newest first: where each went and what is left as credit. */
export function PaymentsTab({ payments }: { payments: PaymentRow[] }) {
  if (payments.length === 0) {
    return (
      <Card>
        <EmptyState icon={<Receipt />} title="No payments yet" description="Payments recorded for this customer show up here with the invoices they paid." />
      </Card>
    );
  }
  return (
    <Card className="py-0">
      <Table data-testid="customer-payments">
        <TableHeader>
          <TableRow>
            <TableHead>Number</TableHead>
            <TableHead>Received</TableHead>
            <TableHead>Method</TableHead>
            <TableHead>Applied to</TableHead>
            <TableHead className="text-right">Amount</TableHead>
            <TableHead className="text-right">Credit left</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {payments.map((payment) => {
            const money = (minor: bigint) => formatMoney(minor, payment.currency);
            const voided = payment.status === "voided";
            return (
              <TableRow key={payment.id} data-testid="customer-payment-row" className={voided ? "text-muted-foreground" : undefined}>
                <PaymentNumberCell payment={payment} />
                <TableCell>{formatDate(payment.receivedOn)}</TableCell>
                <PaymentMethodCell payment={payment} />
                <TableCell>
                  {appliedTo(payment).map(([invoiceId, entry], index) => (
                    <Fragment key={invoiceId}>
                      {index > 0 ? ", " : null}
                      <Link href={`/invoices/${invoiceId}`} className="font-mono text-primary underline-offset-4 hover:underline">
                        {entry.number}
                      </Link>{" "}
                      <span className="tabular-nums text-muted-foreground">{money(entry.amount)}</span>
                    </Fragment>
                  ))}
                </TableCell>
                <TableCell className="text-right tabular-nums">{money(payment.amount)}</TableCell>
                <TableCell className="text-right tabular-nums">{payment.unallocated > 0n ? money(payment.unallocated) : "—"}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Card>
  );
}

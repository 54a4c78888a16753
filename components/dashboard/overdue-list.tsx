import Link from "next/link";
import { SendInvoiceButton } from "@/components/invoices/send/send-invoice-button";
import { RecordPaymentDialog } from "@/components/payments/record-payment-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OverdueInvoice } from "@/lib/dashboard/overdue";
import { formatMoney } from "@/lib/money";

/**
 * The longest-overdue invoices with the two things people do about them, reusing the invoice
 * page's own dialogs (and so its server actions and permission checks). Each button shows only
 * to people allowed to use it.
 */
export function OverdueList({ rows, canRemind, canRecordPayment }: { rows: OverdueInvoice[]; canRemind: boolean; canRecordPayment: boolean }) {
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-muted-foreground" data-testid="overdue-empty">Nothing is overdue.</p>;
  const actions = canRemind || canRecordPayment;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Invoice</TableHead>
          <TableHead>Customer</TableHead>
          <TableHead>Due</TableHead>
          <TableHead className="text-right">Amount due</TableHead>
          {actions ? <TableHead className="text-right">Actions</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="overdue-row">
            <TableCell>
              <Link href={`/invoices/${row.id}`} className="font-medium hover:underline">
                {row.number}
              </Link>
            </TableCell>
            <TableCell>
              <Link href={`/customers/${row.customerId}`} className="hover:underline">
                {row.customerName}
              </Link>
            </TableCell>
            <TableCell>
              {row.dueDate}
              <span className="block text-xs text-destructive">{row.daysOverdue} {row.daysOverdue === 1 ? "day" : "days"} late</span>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(row.amountDue, row.currency)}</TableCell>
            {actions ? (
              <TableCell>
                <div className="flex flex-wrap justify-end gap-2">
                  {/* a finalized invoice has not gone out yet: its first email is the reminder */}
                  {canRemind ? <SendInvoiceButton invoiceId={row.id} kind={row.status === "finalized" ? "send" : "reminder"} /> : null}
                  {canRecordPayment ? (
                    <RecordPaymentDialog invoice={{ id: row.id, label: row.number, customerId: row.customerId, currency: row.currency, amountDue: row.amountDue }} />
                  ) : null}
                </div>
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import { FileText, Plus } from "lucide-react";
import Link from "next/link";
import { formatDate } from "@/components/invoices/detail/format";
import { InvoiceStatusBadge } from "@/components/invoices/status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CUSTOMER_INVOICES_LIMIT, type CustomerInvoiceRow } from "@/lib/customers/invoice-summary";
import { formatMoney } from "@/lib/money";

interface Props {
  customerId: string;
  invoices: CustomerInvoiceRow[];
  /** shows "New invoice" (the editor starts with this customer chosen) */
  canCreate: boolean;
}

/** The customer's newest invoices, drafts included, each linking to its detail page. */
export function InvoicesTab({ customerId, invoices, canCreate }: Props) {
  const newInvoice = canCreate ? (
    <Button asChild size="sm">
      <Link href={`/invoices/new?customerId=${customerId}`} data-testid="customer-new-invoice">
        <Plus />
        New invoice
      </Link>
    </Button>
  ) : null;
  if (invoices.length === 0) {
    return (
      <Card>
        <EmptyState icon={<FileText />} title="No invoices yet" description="Invoices for this customer show up here with their status and what is still due.">
          {newInvoice}
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card className="gap-0 py-0">
      {newInvoice ? <div className="flex justify-end border-b px-4 py-3">{newInvoice}</div> : null}
      <Table data-testid="customer-invoices">
        <TableHeader>
          <TableRow>
            <TableHead>Number</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Issued</TableHead>
            <TableHead>Due</TableHead>
            <TableHead className="text-right">Total</TableHead>
            <TableHead className="text-right">Amount due</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invoices.map((invoice) => (
            <TableRow key={invoice.id} data-testid="customer-invoice-row">
              <TableCell>
                <Link href={`/invoices/${invoice.id}`} className="font-mono text-primary underline-offset-4 hover:underline">
                  {invoice.number ?? "Draft"}
                </Link>
              </TableCell>
              <TableCell>
                <InvoiceStatusBadge status={invoice.status} />
              </TableCell>
              <TableCell>{formatDate(invoice.issueDate)}</TableCell>
              <TableCell>{formatDate(invoice.dueDate)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(invoice.total, invoice.currency)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(invoice.amountDue, invoice.currency)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {invoices.length >= CUSTOMER_INVOICES_LIMIT ? (
        <p className="border-t px-4 py-3 text-sm text-muted-foreground">Showing the newest {CUSTOMER_INVOICES_LIMIT} invoices.</p>
      ) : null}
    </Card>
  );
}

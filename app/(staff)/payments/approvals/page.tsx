import { Inbox } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { listPendingSubmissions } from "@/lib/payment-methods/approvals";
import { ApprovalButtons } from "./approval-buttons";

export const dynamic = "force-dynamic";
export const metadata = { title: "Payments to approve" };

export default async function ApprovalsPage() {
  const user = await requirePermission("payments.read");
  const mayDecide = can(user.role, "payments.write");
  const rows = await listPendingSubmissions(await getDb());

  return (
    <div className="space-y-6">
      <PageHeader
        title="Payments to approve"
        description="Bank transfers and wallet payments customers say they made. Approve once the money is in the account; reject with a reason otherwise."
      />
      <Card className="py-0">
        {rows.length === 0 ? (
          <EmptyState icon={<Inbox />} title="Nothing to approve" description="Customers' “I have paid” submissions appear here." />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Submitted</TableHead>
                <TableHead>Invoice</TableHead>
                <TableHead>Customer</TableHead>
                <TableHead>Method</TableHead>
                <TableHead>Reference</TableHead>
                <TableHead>Paid on</TableHead>
                <TableHead className="text-right">Amount</TableHead>
                {mayDecide ? (
                  <TableHead className="w-48">
                    <span className="sr-only">Decision</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => {
                const amount = formatMoney(row.amount, row.currency);
                return (
                  <TableRow key={row.id} data-testid="approval-row" data-payment-id={row.id}>
                    <TableCell className="whitespace-nowrap">
                      <span className="font-medium">{row.number}</span>
                      <span className="block text-xs text-muted-foreground">{row.createdAt.toISOString().slice(0, 16).replace("T", " ")}</span>
                    </TableCell>
                    <TableCell>{row.invoiceId && row.invoiceNumber ? <Link href={`/invoices/${row.invoiceId}`} className="underline-offset-4 hover:underline">{row.invoiceNumber}</Link> : "—"}</TableCell>
                    <TableCell>
                      <Link href={`/customers/${row.customerId}`} className="underline-offset-4 hover:underline">
                        {row.customerName}
                      </Link>
                    </TableCell>
                    <TableCell>{row.methodName ?? row.method}</TableCell>
                    <TableCell className="font-mono" data-testid="approval-reference">
                      {row.reference ?? "—"}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{row.receivedOn}</TableCell>
                    <TableCell className="text-right tabular-nums" data-testid="approval-amount">
                      {amount}
                    </TableCell>
                    {mayDecide ? (
                      <TableCell>
                        <ApprovalButtons paymentId={row.id} number={row.number} summary={`${amount}${row.invoiceNumber ? ` for ${row.invoiceNumber}` : ""}`} />
                      </TableCell>
                    ) : null}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Card>
    </div>
  );
}

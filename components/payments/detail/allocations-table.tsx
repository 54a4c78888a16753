import Link from "next/link";
import { formatDateTime } from "@/components/admin/format";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PaymentDetailAllocation } from "@/lib/payments/detail";
import { formatMoney } from "@/lib/money";

const KIND_LABELS = { allocation: null, reversal: "Reversed (void)", refund: "Refunded" } as const;

/** Where the money went, row by row: applied to invoices, and taken back by voids and refunds. */
export function PaymentAllocationsTable({ rows, currency, unallocated }: { rows: PaymentDetailAllocation[]; currency: string; unallocated: bigint }) {
  if (rows.length === 0 && unallocated === 0n) return <p className="text-sm text-muted-foreground">Not applied to any invoice.</p>;
  return (
    <Table data-testid="payment-allocations">
      <TableHeader>
        <TableRow>
          <TableHead>Invoice</TableHead>
          <TableHead>When</TableHead>
          <TableHead className="text-right">Amount</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const label = KIND_LABELS[row.kind];
          return (
            <TableRow key={row.id} data-testid="allocation-row" data-kind={row.kind}>
              <TableCell>
                <Link href={`/invoices/${row.invoiceId}`} className="font-mono text-xs hover:underline">
                  {row.invoiceNumber ?? "Draft"}
                </Link>
                {label ? (
                  <Badge variant="outline" className="ml-2">
                    {label}
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell className="text-muted-foreground">{formatDateTime(row.createdAt)}</TableCell>
              <TableCell className={row.amount < 0n ? "text-right text-destructive tabular-nums" : "text-right tabular-nums"}>{formatMoney(row.amount, currency)}</TableCell>
            </TableRow>
          );
        })}
        {unallocated !== 0n ? (
          <TableRow>
            <TableCell colSpan={2} className="text-muted-foreground">
              Kept as customer credit
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(unallocated, currency)}</TableCell>
          </TableRow>
        ) : null}
      </TableBody>
    </Table>
  );
}

import { AlarmClock } from "lucide-react";
import Link from "next/link";
import { formatDateTime } from "@/components/admin/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DisputeListRow } from "@/lib/disputes/queries";
import { evidenceDueSoon } from "@/lib/disputes/status";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";
import { DisputeStatusBadge } from "./status-badge";

/** The evidence deadline, in red with an alarm when fewer than three days are left. */
export function EvidenceDue({ dispute, now }: { dispute: Pick<DisputeListRow, "status" | "evidenceDueBy" | "evidenceSubmittedAt">; now: Date }) {
  if (dispute.evidenceSubmittedAt) return <span className="text-muted-foreground">Submitted</span>;
  if (!dispute.evidenceDueBy) return <span className="text-muted-foreground">—</span>;
  const soon = evidenceDueSoon(dispute, now);
  return (
    <span className={cn("inline-flex items-center gap-1 whitespace-nowrap", soon && "font-medium text-destructive")} data-testid="evidence-due" data-due-soon={soon ? "true" : "false"}>
      {soon ? <AlarmClock className="size-3.5" aria-label="Due soon" /> : null}
      {formatDateTime(dispute.evidenceDueBy)}
    </span>
  );
}

/** Open cases first, the nearest evidence deadline first among them. */
export function DisputesTable({ rows, now }: { rows: DisputeListRow[]; now: Date }) {
  return (
    <Table data-testid="disputes-table">
      <TableHeader>
        <TableRow>
          <TableHead>Opened</TableHead>
          <TableHead>Customer</TableHead>
          <TableHead>Payment</TableHead>
          <TableHead>Reason</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Evidence due</TableHead>
          <TableHead className="text-right">Amount</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="dispute-row" data-status={row.status}>
            <TableCell className="whitespace-nowrap">
              <Link href={`/disputes/${row.id}`} className="font-medium hover:underline">
                {formatDateTime(row.createdAt)}
              </Link>
            </TableCell>
            <TableCell>
              <Link href={`/customers/${row.customerId}`} className="hover:underline">
                {row.customerName}
              </Link>
            </TableCell>
            <TableCell>
              <Link href={`/payments/${row.paymentId}`} className="font-mono text-xs hover:underline">
                {row.paymentNumber}
              </Link>
            </TableCell>
            <TableCell>{row.reason.replaceAll("_", " ")}</TableCell>
            <TableCell>
              <DisputeStatusBadge status={row.status} />
            </TableCell>
            <TableCell>
              <EvidenceDue dispute={row} now={now} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(row.amount, row.currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { InvoiceDetailLine } from "@/lib/invoices/detail-types";
import { formatMoney, percentToDecimalString } from "@/lib/money";
import { formatQuantity } from "@/lib/quantity";
import { formatPercent } from "@/lib/tax-rates/percent";

/** The invoice lines as stored: each figure was calculated when the draft was saved. */
export function LinesTable({ lines, currency }: { lines: InvoiceDetailLine[]; currency: string }) {
  const money = (minor: bigint) => formatMoney(minor, currency);
  const anyDiscount = lines.some((line) => line.discountPercent > 0);
  return (
    <Table data-testid="invoice-lines">
      <TableHeader>
        <TableRow>
          <TableHead className="w-8">#</TableHead>
          <TableHead>Description</TableHead>
          <TableHead className="text-right">Qty</TableHead>
          <TableHead className="text-right">Unit price</TableHead>
          {anyDiscount ? <TableHead className="text-right">Discount</TableHead> : null}
          <TableHead>Tax</TableHead>
          <TableHead className="text-right">Amount</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.length === 0 ? (
          <TableRow>
            <TableCell colSpan={anyDiscount ? 7 : 6} className="py-6 text-center text-muted-foreground">
              No lines yet.
            </TableCell>
          </TableRow>
        ) : null}
        {lines.map((line, index) => (
          <TableRow key={line.id} data-testid="invoice-line">
            <TableCell className="text-muted-foreground tabular-nums">{index + 1}</TableCell>
            <TableCell className="max-w-md whitespace-pre-wrap">{line.description}</TableCell>
            <TableCell className="text-right tabular-nums">
              {formatQuantity(line.quantity)}
              {line.unit ? <span className="text-muted-foreground"> {line.unit}</span> : null}
            </TableCell>
            <TableCell className="text-right tabular-nums">{money(line.unitPrice)}</TableCell>
            {anyDiscount ? (
              <TableCell className="text-right tabular-nums">{line.discountPercent > 0 ? `${percentToDecimalString(BigInt(line.discountPercent))}%` : "—"}</TableCell>
            ) : null}
            <TableCell className="text-muted-foreground">
              {line.taxes.length ? line.taxes.map((tax) => `${tax.name} ${formatPercent(tax.percent)}%`).join(", ") : "—"}
            </TableCell>
            <TableCell className="text-right tabular-nums">{money(line.net)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

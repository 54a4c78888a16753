import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { InvoiceDetail } from "@/lib/invoices/detail-types";
import { invoiceColumns, invoiceRows } from "@/lib/pdf/invoice-model";
import { lookFromTemplate } from "@/lib/pdf/look";
import { cn } from "@/lib/utils";

/** The lines with the columns the invoice's template shows, worded exactly as on the PDF. */
export function InvoiceLines({ detail }: { detail: InvoiceDetail }) {
  const columns = invoiceColumns(lookFromTemplate(detail.template));
  const rows = invoiceRows(detail);
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Description</TableHead>
            {columns.map((column) => (
              <TableHead key={column.key} className={cn(column.numeric && "text-right")}>
                {column.title}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, index) => (
            <TableRow key={index} data-testid="public-invoice-line">
              <TableCell className="min-w-48 whitespace-pre-wrap">{row.description}</TableCell>
              {columns.map((column) => (
                <TableCell key={column.key} className={cn("whitespace-pre-line", column.numeric && "text-right tabular-nums")}>
                  {row.cells[column.key] ?? ""}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { csvValue, displayCell, isNumericColumn, rowCurrency } from "@/lib/reports/format";
import type { ReportColumn, ReportRow } from "@/lib/reports/types";
import { cn } from "@/lib/utils";

function Cells({ columns, row, label }: { columns: readonly ReportColumn[]; row: ReportRow; label?: ReportColumn }) {
  return columns.map((column) => (
    <TableCell
      key={column.key}
      data-column={column.key}
      // the exact figure as the CSV has it, so a check can compare screen and file to the minor unit
      data-value={column.kind === "money" ? csvValue(column, row) : undefined}
      className={cn(isNumericColumn(column) && "text-right tabular-nums")}
    >
      {column === label ? "Total" : displayCell(column, row)}
    </TableCell>
  ));
}

/** A report's rows, then one totals row per currency at the bottom. */
export function ReportTable({ columns, rows, totals }: { columns: readonly ReportColumn[]; rows: readonly ReportRow[]; totals: readonly ReportRow[] }) {
  const label = columns.find((column) => column.kind === "text");
  return (
    <Table data-testid="report-table">
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHead key={column.key} data-column={column.key} className={cn(isNumericColumn(column) && "text-right")}>
              {column.label}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row, index) => (
          <TableRow key={index} data-testid="report-row" data-currency={rowCurrency(row) ?? undefined}>
            <Cells columns={columns} row={row} />
          </TableRow>
        ))}
      </TableBody>
      {totals.length ? (
        <TableFooter>
          {totals.map((row, index) => (
            <TableRow key={index} data-testid="report-total" data-currency={rowCurrency(row) ?? undefined} className="font-semibold">
              <Cells columns={columns} row={row} label={label} />
            </TableRow>
          ))}
        </TableFooter>
      ) : null}
    </Table>
  );
}

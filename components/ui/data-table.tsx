"use client";

import * as React from "react";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type RowData,
  type Table as TanstackTable,
} from "@tanstack/react-table";

import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";

declare module "@tanstack/react-table" {
  // Lets a column set e.g. meta: { className: "text-right" } for both its header and cells.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    className?: string;
  }
}

type RowAttributes = { className?: string } & { [key: `data-${string}`]: string | undefined };

type TableViewProps<TData> = {
  table: TanstackTable<TData>;
  /** a header's aria-sort, by column id (the column the list is sorted by) */
  ariaSort?: (columnId: string) => "ascending" | "descending" | undefined;
  /** a body row's extra attributes: test ids, data-* for its record */
  rowAttributes?: (row: Row<TData>) => RowAttributes;
  /** shown in one full-width row when there are no rows; without it the body is just empty */
  emptyState?: React.ReactNode;
};

/** Renders a table a caller built with useReactTable (its own state: selection, manual sorting, …). */
function TableView<TData>({ table, ariaSort, rowAttributes, emptyState }: TableViewProps<TData>) {
  const rows = table.getRowModel().rows;
  return (
    <Table>
      <TableHeader>
        {table.getHeaderGroups().map((headerGroup) => (
          <TableRow key={headerGroup.id}>
            {headerGroup.headers.map((header) => (
              <TableHead
                key={header.id}
                colSpan={header.colSpan}
                aria-sort={ariaSort?.(header.column.id)}
                className={header.column.columnDef.meta?.className}
              >
                {header.isPlaceholder
                  ? null
                  : flexRender(header.column.columnDef.header, header.getContext())}
              </TableHead>
            ))}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-state={row.getIsSelected() ? "selected" : undefined} {...rowAttributes?.(row)}>
            {row.getVisibleCells().map((cell) => (
              <TableCell key={cell.id} className={cell.column.columnDef.meta?.className}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </TableCell>
            ))}
          </TableRow>
        ))}
        {rows.length === 0 && emptyState !== undefined ? (
          <TableRow className="hover:bg-transparent">
            <TableCell colSpan={table.getVisibleLeafColumns().length} className="h-24 text-center whitespace-normal">
              {emptyState}
            </TableCell>
          </TableRow>
        ) : null}
      </TableBody>
    </Table>
  );
}

type DataTableProps<TData, TValue> = {
  columns: ColumnDef<TData, TValue>[];
  data: TData[];
  emptyState?: React.ReactNode;
};

/** A plain table of `data`: no selection, sorting and paging done by the server. */
function DataTable<TData, TValue>({ columns, data, emptyState }: DataTableProps<TData, TValue>) {
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
  });
  return <TableView table={table} emptyState={emptyState ?? <span className="text-muted-foreground">No results.</span>} />;
}

export { DataTable, TableView, type DataTableProps, type TableViewProps };

"use client";

import { getCoreRowModel, useReactTable, type ColumnDef, type OnChangeFn, type RowSelectionState } from "@tanstack/react-table";
import Link from "next/link";
import { InvoiceStatusBadge } from "@/components/invoices/status-badge";
import { Checkbox } from "@/components/ui/checkbox";
import { TableView } from "@/components/ui/data-table";
import { ariaSort } from "@/components/ui/sort-link";
import type { InvoiceListRow } from "@/lib/invoices/list";
import { invoicesHref, type InvoiceListFilters, type InvoiceSort } from "@/lib/invoices/list-params";
import { formatMoney } from "@/lib/money";
import { InvoiceSortHeader } from "./sort-header";
import { CustomerCell } from "@/components/ui/customer-cell";

// UTC, so the server render and the browser agree on the day
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const formatDate = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));

const SORTABLE: Partial<Record<string, InvoiceSort>> = {
  number: "number",
  customer: "customer",
  status: "status",
  issueDate: "issueDate",
  dueDate: "dueDate",
  total: "total",
  amountDue: "amountDue",
};

const sortable = (filters: InvoiceListFilters, sort: InvoiceSort, label: string, className?: string) =>
  function Header() {
    return <InvoiceSortHeader filters={filters} sort={sort} label={label} className={className} />;
  };

function columnsFor(filters: InvoiceListFilters): ColumnDef<InvoiceListRow>[] {
  return [
    {
      id: "select",
      header: ({ table }) => (
        <Checkbox
          aria-label="Select every invoice on this page"
          checked={table.getIsAllRowsSelected() ? true : table.getIsSomeRowsSelected() ? "indeterminate" : false}
          onCheckedChange={(checked) => table.toggleAllRowsSelected(checked === true)}
        />
      ),
      cell: ({ row }) => (
        <Checkbox aria-label={`Select invoice ${row.original.number ?? "draft"}`} checked={row.getIsSelected()} onCheckedChange={(checked) => row.toggleSelected(checked === true)} />
      ),
      meta: { className: "w-10" },
    },
    {
      id: "number",
      header: sortable(filters, "number", "Number"),
      cell: ({ row }) => (
        <Link href={`/invoices/${row.original.id}`} className="font-mono text-xs hover:underline" data-testid="invoice-number">
          {row.original.number ?? <span className="font-sans text-muted-foreground italic">Draft</span>}
        </Link>
      ),
    },
    {
      id: "customer",
      header: sortable(filters, "customer", "Customer"),
      cell: ({ row }) => (
        <CustomerCell
          customerId={row.original.customerId}
          customerName={row.original.customerName}
          filterHref={filters.customerId === row.original.customerId ? null : invoicesHref({ ...filters, customerId: row.original.customerId, page: 1 })}
          noun="invoices"
        />
      ),
    },
    { id: "status", header: sortable(filters, "status", "Status"), cell: ({ row }) => <InvoiceStatusBadge status={row.original.displayStatus} /> },
    {
      id: "issueDate",
      header: sortable(filters, "issueDate", "Issued"),
      cell: ({ row }) => <span className="whitespace-nowrap">{formatDate(row.original.issueDate)}</span>,
    },
    {
      id: "dueDate",
      header: sortable(filters, "dueDate", "Due"),
      cell: ({ row }) => (
        <span className={row.original.displayStatus === "overdue" ? "whitespace-nowrap text-destructive" : "whitespace-nowrap"}>{formatDate(row.original.dueDate)}</span>
      ),
    },
    {
      id: "total",
      header: sortable(filters, "total", "Total", "ml-0 -mr-2"),
      cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.total, row.original.currency)}</span>,
      meta: { className: "text-right" },
    },
    {
      id: "amountDue",
      header: sortable(filters, "amountDue", "Amount due", "ml-0 -mr-2"),
      cell: ({ row }) => (
        <span className={row.original.amountDue === 0n ? "text-muted-foreground tabular-nums" : "font-medium tabular-nums"}>{formatMoney(row.original.amountDue, row.original.currency)}</span>
      ),
      meta: { className: "text-right" },
    },
  ];
}

/** One page of invoices; sorting and paging happen in the database, driven by the URL; ticks are the parent's. */
export function InvoicesTable({
  rows,
  filters,
  selection,
  onSelectionChange,
}: {
  rows: InvoiceListRow[];
  filters: InvoiceListFilters;
  selection: RowSelectionState;
  onSelectionChange: OnChangeFn<RowSelectionState>;
}) {
  const table = useReactTable({
    data: rows,
    columns: columnsFor(filters),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    state: { rowSelection: selection },
    onRowSelectionChange: onSelectionChange,
    enableRowSelection: true,
    manualSorting: true,
    manualPagination: true,
  });

  return (
    <TableView
      table={table}
      ariaSort={(columnId) => ariaSort(SORTABLE[columnId] === filters.sort, filters.dir)}
      rowAttributes={(row) => ({ "data-testid": "invoice-row", "data-number": row.original.number ?? "" })}
    />
  );
}

"use client";

import { getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { CustomerStatusBadge } from "@/components/customers/detail/status-badge";
import { Badge } from "@/components/ui/badge";
import { TableView } from "@/components/ui/data-table";
import { ariaSort } from "@/components/ui/sort-link";
import type { CustomerListFilters, ListSort } from "@/lib/customers/list-params";
import type { CustomerListRow } from "@/lib/customers/queries";
import { CustomerRowActions } from "./row-actions";
import { SortHeader } from "./sort-header";

// UTC, so the server render and the browser agree on the day
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

const SORTABLE: Partial<Record<string, ListSort>> = { number: "number", name: "name", created: "created" };

function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <span className="text-muted-foreground">—</span>;
  const shown = tags.slice(0, 3);
  return (
    <div className="flex flex-wrap gap-1" title={tags.join(", ")}>
      {shown.map((tag) => (
        <Badge key={tag} variant="outline" className="font-normal">
          {tag}
        </Badge>
      ))}
      {tags.length > shown.length ? <span className="text-xs text-muted-foreground">+{tags.length - shown.length}</span> : null}
    </div>
  );
}

const dash = (value: string | null) => value ?? <span className="text-muted-foreground">—</span>;

function columnsFor(filters: CustomerListFilters, canWrite: boolean, canDelete: boolean): ColumnDef<CustomerListRow>[] {
  return [
    {
      id: "number",
      header: () => <SortHeader filters={filters} sort="number" label="Number" />,
      cell: ({ row }) => <span className="font-mono text-xs">{row.original.number}</span>,
    },
    {
      id: "name",
      header: () => <SortHeader filters={filters} sort="name" label="Name" />,
      cell: ({ row }) => (
        <Link href={`/customers/${row.original.id}`} className="font-medium hover:underline" data-testid="customer-name">
          {row.original.displayName}
        </Link>
      ),
    },
    { id: "email", header: "Email", cell: ({ row }) => dash(row.original.email) },
    { id: "phone", header: "Phone", cell: ({ row }) => <span className="tabular-nums">{dash(row.original.phone)}</span> },
    { id: "country", header: "Country", cell: ({ row }) => dash(row.original.billingCountry) },
    { id: "currency", header: "Currency", cell: ({ row }) => row.original.currency },
    { id: "status", header: "Status", cell: ({ row }) => <CustomerStatusBadge status={row.original.status} /> },
    { id: "tags", header: "Tags", cell: ({ row }) => <Tags tags={row.original.tags} /> },
    {
      id: "created",
      header: () => <SortHeader filters={filters} sort="created" label="Created" />,
      cell: ({ row }) => <span className="whitespace-nowrap text-muted-foreground">{dateFormat.format(row.original.createdAt)}</span>,
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <CustomerRowActions customer={row.original} canWrite={canWrite} canDelete={canDelete} />,
      meta: { className: "w-12 text-right" },
    },
  ];
}

/** One page of customers; sorting and paging happen in the database, driven by the URL. */
export function CustomersTable({ rows, filters, canWrite, canDelete }: { rows: CustomerListRow[]; filters: CustomerListFilters; canWrite: boolean; canDelete: boolean }) {
  const table = useReactTable({
    data: rows,
    columns: columnsFor(filters, canWrite, canDelete),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
  });

  return (
    <TableView
      table={table}
      ariaSort={(columnId) => ariaSort(SORTABLE[columnId] === filters.sort, filters.dir)}
      rowAttributes={(row) => ({ "data-testid": "customer-row", "data-number": row.original.number })}
    />
  );
}

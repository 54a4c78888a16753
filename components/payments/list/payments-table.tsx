"use client";

import { getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { PaymentStatusBadge } from "@/components/payments/status-badge";
import { TableView } from "@/components/ui/data-table";
import { ariaSort } from "@/components/ui/sort-link";
import type { PaymentListRow } from "@/lib/payments/list";
import { GATEWAY_LABELS, paymentsHref, type PaymentListFilters, type PaymentSort } from "@/lib/payments/list-params";
import { PAYMENT_METHOD_LABELS } from "@/lib/payments/schemas";
import { formatMoney } from "@/lib/money";
import { PaymentSortHeader } from "./sort-header";
import { CustomerCell } from "@/components/ui/customer-cell";

// UTC, so the server render and the browser agree on the day
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const formatDate = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));

const SORTABLE: Partial<Record<string, PaymentSort>> = { number: "number", customer: "customer", status: "status", receivedOn: "receivedOn", amount: "amount" };

const sortable = (filters: PaymentListFilters, sort: PaymentSort, label: string, className?: string) =>
  function Header() {
    return <PaymentSortHeader filters={filters} sort={sort} label={label} className={className} />;
  };

function columnsFor(filters: PaymentListFilters): ColumnDef<PaymentListRow>[] {
  return [
    {
      id: "number",
      header: sortable(filters, "number", "Number"),
      cell: ({ row }) => (
        <div>
          <Link href={`/payments/${row.original.id}`} className="font-mono text-xs hover:underline" data-testid="payment-number">
            {row.original.number}
          </Link>
          {row.original.receiptNumber ? <div className="font-mono text-xs text-muted-foreground">{row.original.receiptNumber}</div> : null}
        </div>
      ),
    },
    {
      id: "customer",
      header: sortable(filters, "customer", "Customer"),
      cell: ({ row }) => (
        <CustomerCell
          customerId={row.original.customerId}
          customerName={row.original.customerName}
          filterHref={filters.customerId === row.original.customerId ? null : paymentsHref({ ...filters, customerId: row.original.customerId, page: 1 })}
          noun="payments"
        />
      ),
    },
    { id: "status", header: sortable(filters, "status", "Status"), cell: ({ row }) => <PaymentStatusBadge status={row.original.status} /> },
    {
      id: "method",
      header: "Method",
      cell: ({ row }) => (
        <span>
          {PAYMENT_METHOD_LABELS[row.original.method]}
          {row.original.gateway ? <span className="text-muted-foreground"> · {GATEWAY_LABELS[row.original.gateway]}</span> : null}
          {row.original.reference ? <span className="block max-w-48 truncate text-xs text-muted-foreground">{row.original.reference}</span> : null}
        </span>
      ),
    },
    { id: "receivedOn", header: sortable(filters, "receivedOn", "Received"), cell: ({ row }) => <span className="whitespace-nowrap">{formatDate(row.original.receivedOn)}</span> },
    {
      id: "amount",
      header: sortable(filters, "amount", "Amount", "ml-0 -mr-2"),
      cell: ({ row }) => <span className="font-medium tabular-nums">{formatMoney(row.original.amount, row.original.currency)}</span>,
      meta: { className: "text-right" },
    },
  ];
}

/** One page of payments; sorting and paging happen in the database, driven by the URL. */
export function PaymentsTable({ rows, filters }: { rows: PaymentListRow[]; filters: PaymentListFilters }) {
  const table = useReactTable({ data: rows, columns: columnsFor(filters), getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id, manualSorting: true, manualPagination: true });
  return (
    <TableView
      table={table}
      ariaSort={(columnId) => ariaSort(SORTABLE[columnId] === filters.sort, filters.dir)}
      rowAttributes={(row) => ({ "data-testid": "payment-row", "data-number": row.original.number, "data-status": row.original.status })}
    />
  );
}

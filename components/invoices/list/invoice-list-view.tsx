"use client";

import type { RowSelectionState } from "@tanstack/react-table";
import { useState } from "react";
import type { InvoiceListRow } from "@/lib/invoices/list";
import type { InvoiceListFilters } from "@/lib/invoices/list-params";
import { InvoiceBulkBar } from "./bulk-bar";
import { InvoicesTable } from "./invoices-table";

/**
 * The table and, while rows are ticked, the bulk bar above it. Ticks belong to this page of rows:
 * the page renders this with a key per view, so paging or filtering starts with none.
 */
export function InvoiceListView({ rows, filters, canWrite, exportQuery }: { rows: InvoiceListRow[]; filters: InvoiceListFilters; canWrite: boolean; exportQuery: string }) {
  const [selection, setSelection] = useState<RowSelectionState>({});
  const selected = rows.filter((row) => selection[row.id]);
  return (
    <div>
      {selected.length ? (
        <div className="border-b p-2">
          <InvoiceBulkBar selected={selected} canWrite={canWrite} exportQuery={exportQuery} onClear={() => setSelection({})} />
        </div>
      ) : null}
      <InvoicesTable rows={rows} filters={filters} selection={selection} onSelectionChange={setSelection} />
    </div>
  );
}

"use client";

import { MultiSelectFilter } from "@/components/ui/multi-select-filter";
import { INVOICE_LIST_STATUSES, type InvoiceListStatus } from "@/lib/invoices/list-params";
import { STATUS_LABELS } from "@/lib/invoices/status";

function summary(selected: readonly InvoiceListStatus[]): string {
  if (selected.length === 0 || selected.length === INVOICE_LIST_STATUSES.length) return "Any status";
  return selected.map((status) => STATUS_LABELS[status]).join(", ");
}

/** Several statuses at once, as the badges name them; none chosen means every invoice. */
export function InvoiceStatusFilter({ id, selected, onChange }: { id: string; selected: readonly InvoiceListStatus[]; onChange: (status: InvoiceListStatus[]) => void }) {
  return (
    <MultiSelectFilter
      id={id}
      label="Status"
      options={INVOICE_LIST_STATUSES}
      labels={STATUS_LABELS}
      selected={selected}
      onChange={onChange}
      summary={summary(selected)}
      heading="Show invoices that are"
      clearLabel="Any status"
    />
  );
}

"use client";

import { X } from "lucide-react";
import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { searchReportCustomersAction } from "@/app/(staff)/reports/actions";
import { FilterField } from "@/components/admin/filter-form";
import { Typeahead } from "@/components/invoices/editor/typeahead";
import { Button } from "@/components/ui/button";
import type { ReportCustomerOption } from "@/lib/reports/customer-options";

async function searchCustomers(q: string): Promise<ReportCustomerOption[]> {
  const result = await searchReportCustomersAction({ q });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

/**
 * The customer a report is narrowed to, inside the filter form: a hidden `customerId` field, a
 * type-ahead to choose one (which applies the filters at once) and a chip to remove it.
 */
export function CustomerFilter({ customerId, customerName }: { customerId: string | undefined; customerName: string | null }) {
  const [chosen, setChosen] = useState(customerId ? { id: customerId, name: customerName ?? "Unknown customer" } : null);
  const hidden = useRef<HTMLInputElement>(null);

  function apply(next: { id: string; name: string } | null) {
    // the hidden input must hold the new id before the form is sent
    flushSync(() => setChosen(next));
    hidden.current?.form?.requestSubmit();
  }

  return (
    <FilterField label="Customer" htmlFor="report-customer" className="grid w-64 gap-1.5">
      <input ref={hidden} type="hidden" name="customerId" value={chosen?.id ?? ""} />
      {chosen ? (
        <Button
          id="report-customer"
          type="button"
          variant="secondary"
          className="justify-between"
          onClick={() => apply(null)}
          aria-label={`Customer: ${chosen.name}. Remove this filter`}
          data-testid="report-customer-filter"
        >
          <span className="truncate">{chosen.name}</span>
          <X />
        </Button>
      ) : (
        <Typeahead
          label="Customer"
          placeholder="All customers"
          search={searchCustomers}
          getKey={(item) => item.id}
          emptyText="No customer matches."
          renderItem={(item) => (
            <span className="flex flex-col">
              <span className="font-medium">{item.displayName}</span>
              <span className="text-xs text-muted-foreground">{item.number}</span>
            </span>
          )}
          onPick={(item) => apply({ id: item.id, name: item.displayName })}
        />
      )}
    </FilterField>
  );
}

"use client";

import { useRef, useState } from "react";
import { useFormContext } from "react-hook-form";
import { searchInvoiceCustomersAction } from "@/app/(staff)/invoices/editor-actions";
import { Button } from "@/components/ui/button";
import { FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import type { PickerCustomer } from "@/lib/invoices/editor-options";
import type { InvoiceDraftFormValues } from "@/lib/invoices/schemas";
import { Typeahead } from "./typeahead";

async function searchCustomers(q: string): Promise<PickerCustomer[]> {
  const result = await searchInvoiceCustomersAction({ q });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

interface Props {
  customer: PickerCustomer | null;
  /** the editor fills the currency and due date from the customer */
  onChoose: (customer: PickerCustomer) => void;
}

const termsText = (days: number) => (days === 0 ? "due on receipt" : `net ${days}`);

/** Who the invoice is for: the chosen customer, or a type-ahead to find one. */
export function CustomerPicker({ customer, onChoose }: Props) {
  const { control } = useFormContext<InvoiceDraftFormValues>();
  const [searching, setSearching] = useState(customer === null);
  const changeButton = useRef<HTMLButtonElement>(null);
  return (
    <FormField
      control={control}
      name="customerId"
      render={() => (
        <FormItem>
          <Label asChild>
            <span>Customer</span>
          </Label>
          {customer && !searching ? (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border px-3 py-2" data-testid="chosen-customer">
              <div className="min-w-0">
                <p className="truncate font-medium">{customer.displayName}</p>
                <p className="truncate text-sm text-muted-foreground">
                  {customer.number}
                  {customer.email ? ` · ${customer.email}` : ""} · {customer.currency}, {termsText(customer.paymentTerms)}
                </p>
              </div>
              <Button
                ref={changeButton}
                type="button"
                variant="outline"
                size="sm"
                onClick={() => setSearching(true)}
                aria-label={`Change customer (now ${customer.displayName})`}
              >
                Change
              </Button>
            </div>
          ) : (
            <div className="flex items-start gap-2">
              <div className="flex-1">
                <Typeahead
                  label="Search customers"
                  placeholder="Name, number or email"
                  // "Change" opens the search for typing right away; a new invoice does not jump here
                  autoFocus={customer !== null}
                  search={searchCustomers}
                  getKey={(item) => item.id}
                  emptyText="No customer matches."
                  renderItem={(item) => (
                    <span className="flex flex-col">
                      <span className="font-medium">{item.displayName}</span>
                      <span className="text-xs text-muted-foreground">
                        {item.number}
                        {item.email ? ` · ${item.email}` : ""} · {item.currency}
                      </span>
                    </span>
                  )}
                  onPick={(item) => {
                    setSearching(false);
                    onChoose(item);
                    // the search box goes away: keep the keyboard where it was, on the customer
                    requestAnimationFrame(() => changeButton.current?.focus());
                  }}
                />
              </div>
              {customer ? (
                <Button type="button" variant="ghost" onClick={() => setSearching(false)}>
                  Keep {customer.displayName}
                </Button>
              ) : null}
            </div>
          )}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

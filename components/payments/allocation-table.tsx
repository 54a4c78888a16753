"use client";

import type { Control } from "react-hook-form";
import { FormControl, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/components/invoices/detail/format";
import { formatMoney } from "@/lib/money";
import type { AllocationSuggestion } from "@/lib/payments/record";
import type { RecordPaymentFormValues } from "@/lib/payments/schemas";

interface Props {
  control: Control<RecordPaymentFormValues>;
  /** the open invoices, in the same order as the form's `allocations` */
  invoices: AllocationSuggestion[];
  currency: string;
  /** the invoice the dialog was opened from, marked in the list */
  currentInvoiceId: string;
  onEdit: () => void;
}

/** One editable amount per open invoice of the customer; blank or 0 leaves that invoice alone. */
export function AllocationTable({ control, invoices, currency, currentInvoiceId, onEdit }: Props) {
  if (invoices.length === 0) {
    return <p className="text-sm text-muted-foreground">This customer has no open invoices in {currency}.</p>;
  }
  return (
    <Table data-testid="allocation-table">
      <TableHeader>
        <TableRow>
          <TableHead>Invoice</TableHead>
          <TableHead>Due</TableHead>
          <TableHead className="text-right">Amount due</TableHead>
          <TableHead className="w-36 text-right">Apply</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {invoices.map((invoice, index) => (
          <TableRow key={invoice.invoiceId} data-testid="allocation-row">
            <TableCell className="font-mono">
              {invoice.number}
              {invoice.invoiceId === currentInvoiceId ? <span className="ml-1 font-sans text-xs text-muted-foreground">(this invoice)</span> : null}
            </TableCell>
            <TableCell>{formatDate(invoice.dueDate)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(invoice.amountDue, currency)}</TableCell>
            <TableCell>
              <FormField
                control={control}
                name={`allocations.${index}.amount`}
                render={({ field }) => (
                  <FormItem>
                    <FormControl>
                      <Input
                        {...field}
                        onChange={(event) => {
                          field.onChange(event);
                          onEdit();
                        }}
                        inputMode="decimal"
                        autoComplete="off"
                        className="text-right tabular-nums"
                        aria-label={`Apply to ${invoice.number}`}
                      />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

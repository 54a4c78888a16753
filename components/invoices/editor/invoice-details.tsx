"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { NativeSelect } from "@/components/admin/native-select";
import { TextField } from "@/components/forms/text-field";
import { currencyChoices } from "@/components/products/currency-options";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { EditorTemplate, PickerCustomer } from "@/lib/invoices/editor-options";
import type { InvoiceDraftFormValues } from "@/lib/invoices/schemas";
import { followDueDate, swapTemplateText } from "./form-values";

interface Props {
  customer: PickerCustomer | null;
  defaultCurrency: string;
  /** the customer's terms, else the company's: how far the due date sits after the issue date */
  paymentTerms: number;
  templates: readonly EditorTemplate[];
}

/** Currency (confirmed when not the customer's), dates, PO number and template. */
export function InvoiceDetails({ customer, defaultCurrency, paymentTerms, templates }: Props) {
  const { control, getValues, setValue } = useFormContext<InvoiceDraftFormValues>();
  const currency = useWatch({ control, name: "currency" });
  const currencies = currencyChoices(defaultCurrency, [currency, ...(customer ? [customer.currency] : [])]);
  const foreign = customer !== null && currency !== customer.currency;

  function changeTemplate(nextId: string) {
    const previous = templates.find((template) => template.id === getValues("templateId"));
    const next = templates.find((template) => template.id === nextId);
    setValue("notes", swapTemplateText(getValues("notes"), previous?.defaultNotes ?? null, next?.defaultNotes ?? null));
    setValue("terms", swapTemplateText(getValues("terms"), previous?.defaultTerms ?? null, next?.defaultTerms ?? null));
  }

  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <div className="space-y-2">
        <FormField
          control={control}
          name="currency"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Currency</FormLabel>
              <FormControl>
                <NativeSelect
                  {...field}
                  onChange={(event) => {
                    field.onChange(event.target.value);
                    // a new choice needs a new confirmation
                    setValue("confirmCurrency", false);
                  }}
                >
                  {currencies.map((code) => (
                    <option key={code} value={code}>
                      {code}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        {foreign ? (
          <FormField
            control={control}
            name="confirmCurrency"
            render={({ field }) => (
              <FormItem className="flex items-start gap-2 space-y-0 rounded-md border border-amber-300 bg-amber-50 p-2 dark:border-warning/40 dark:bg-warning/10">
                <FormControl>
                  <Checkbox checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} ref={field.ref} onBlur={field.onBlur} />
                </FormControl>
                <div className="grid gap-1">
                  <FormLabel className="leading-snug font-normal">
                    Invoice in {currency}, although {customer.displayName} is billed in {customer.currency}
                  </FormLabel>
                  <FormMessage />
                </div>
              </FormItem>
            )}
          />
        ) : null}
      </div>
      <FormField
        control={control}
        name="issueDate"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Issue date</FormLabel>
            <FormControl>
              <Input
                {...field}
                type="date"
                onChange={(event) => {
                  const previous = field.value;
                  field.onChange(event.target.value);
                  setValue("dueDate", followDueDate(previous, event.target.value, getValues("dueDate"), paymentTerms));
                }}
              />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <TextField control={control} name="dueDate" label="Due date" type="date" />
      <TextField control={control} name="poNumber" label="PO number" maxLength={100} autoComplete="off" placeholder="Optional" />
      <FormField
        control={control}
        name="templateId"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Template</FormLabel>
            <FormControl>
              <NativeSelect
                {...field}
                onChange={(event) => {
                  changeTemplate(event.target.value);
                  field.onChange(event.target.value);
                }}
              >
                <option value="">{templates.length ? "Default look" : "Default look (no templates yet)"}</option>
                {templates.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.name}
                    {template.isDefault ? " (default)" : ""}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
    </div>
  );
}

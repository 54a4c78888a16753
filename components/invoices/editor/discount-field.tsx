"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { NativeSelect } from "@/components/admin/native-select";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { InvoiceDraftFormValues } from "@/lib/invoices/schemas";

const KIND_LABELS = { none: "No discount", percent: "Percent of subtotal", fixed: "Fixed amount" } as const;

/** The invoice discount: none, a percent of the subtotal, or a fixed amount, spread over the lines before tax. */
export function DiscountField() {
  const { control, setValue } = useFormContext<InvoiceDraftFormValues>();
  const kind = useWatch({ control, name: "discountKind" });
  const currency = useWatch({ control, name: "currency" });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField
        control={control}
        name="discountKind"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Invoice discount</FormLabel>
            <FormControl>
              <NativeSelect
                {...field}
                onChange={(event) => {
                  field.onChange(event.target.value);
                  if (event.target.value === "none") setValue("discountValue", "", { shouldValidate: true });
                }}
              >
                {Object.entries(KIND_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      {kind === "none" ? null : (
        <FormField
          control={control}
          name="discountValue"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{kind === "percent" ? "Discount %" : `Discount (${currency})`}</FormLabel>
              <FormControl>
                <Input
                  {...field}
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder={kind === "percent" ? "10" : "50.00"}
                  className="text-right tabular-nums"
                />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
      )}
    </div>
  );
}

"use client";

import type { Control } from "react-hook-form";
import { SelectField } from "@/components/forms/select-field";
import { FormControl, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { CREDIT_EXCESS, CREDIT_EXCESS_LABELS, type CreateCreditNoteFormValues, type CreditExcess } from "@/lib/credit-notes/schemas";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from "@/lib/payments/schemas";

const METHOD_OPTIONS = PAYMENT_METHODS.map((method) => ({ value: method, label: PAYMENT_METHOD_LABELS[method] }));

/** For a paid invoice: what happens to the credited money it no longer owes. */
export function ExcessChoice({ control, excess, amount }: { control: Control<CreateCreditNoteFormValues>; excess: CreditExcess; amount: string }) {
  return (
    <div className="space-y-3">
      <FormField
        control={control}
        name="excess"
        render={({ field }) => (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">The {amount} the invoice no longer owes</legend>
            {CREDIT_EXCESS.map((value) => (
              <FormItem key={value} className="flex items-center gap-2">
                <FormControl>
                  <input
                    type="radio"
                    name={field.name}
                    value={value}
                    checked={field.value === value}
                    onChange={() => field.onChange(value)}
                    className="size-4 accent-primary"
                  />
                </FormControl>
                <FormLabel className="font-normal">{CREDIT_EXCESS_LABELS[value]}</FormLabel>
              </FormItem>
            ))}
          </fieldset>
        )}
      />
      {excess === "refund" ? (
        <SelectField control={control} name="refundMethod" label="Refunded by" options={METHOD_OPTIONS} />
      ) : null}
    </div>
  );
}

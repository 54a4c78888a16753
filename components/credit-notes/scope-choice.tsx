"use client";

import type { Control } from "react-hook-form";
import { FormControl, FormField, FormItem, FormLabel } from "@/components/ui/form";
import type { CreateCreditNoteFormValues } from "@/lib/credit-notes/schemas";

const SCOPES = [
  { value: "all", label: "Whole invoice", hint: "everything not yet credited" },
  { value: "lines", label: "Chosen lines", hint: "enter a quantity per line" },
] as const;

/** Credit the whole invoice or pick lines and quantities. */
export function ScopeChoice({ control }: { control: Control<CreateCreditNoteFormValues> }) {
  return (
    <FormField
      control={control}
      name="scope"
      render={({ field }) => (
        <fieldset className="flex flex-wrap gap-4">
          <legend className="sr-only">What to credit</legend>
          {SCOPES.map((scope) => (
            <FormItem key={scope.value} className="flex items-center gap-2">
              <FormControl>
                <input
                  type="radio"
                  name={field.name}
                  value={scope.value}
                  checked={field.value === scope.value}
                  onChange={() => field.onChange(scope.value)}
                  className="size-4 accent-primary"
                />
              </FormControl>
              <FormLabel className="font-normal">
                {scope.label} <span className="text-muted-foreground">({scope.hint})</span>
              </FormLabel>
            </FormItem>
          ))}
        </fieldset>
      )}
    />
  );
}

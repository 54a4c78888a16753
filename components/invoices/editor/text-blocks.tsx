"use client";

import { useFormContext } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import type { InvoiceDraftFormValues } from "@/lib/invoices/schemas";

const BLOCKS = [
  { name: "notes", label: "Notes", max: 5000, hint: "Shown to the customer under the lines." },
  { name: "terms", label: "Terms", max: 5000, hint: "Payment terms and conditions." },
  { name: "footer", label: "Footer", max: 1000, hint: "The last line of the invoice, e.g. bank details." },
] as const;

/** The free texts printed on the invoice. */
export function TextBlocks() {
  const { control } = useFormContext<InvoiceDraftFormValues>();
  return (
    <div className="space-y-4">
      {BLOCKS.map((block) => (
        <FormField
          key={block.name}
          control={control}
          name={block.name}
          render={({ field }) => (
            <FormItem>
              <FormLabel>{block.label}</FormLabel>
              <FormControl>
                <Textarea {...field} value={field.value ?? ""} rows={3} maxLength={block.max} />
              </FormControl>
              <FormDescription>{block.hint}</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
      ))}
    </div>
  );
}

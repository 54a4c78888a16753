"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { useState } from "react";
import { useFormContext, useFormState } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { CustomerFormValues } from "@/lib/customers/schemas";
import { FormSection } from "./form-section";
import { TagsField } from "./tags-field";

function FlagField({ name, label, description }: { name: "autoSendInvoices" | "sendReminders"; label: string; description: string }) {
  const { control } = useFormContext<CustomerFormValues>();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className="flex flex-row items-start justify-between gap-4 rounded-md border p-3">
          <div className="grid gap-1">
            <FormLabel>{label}</FormLabel>
            <FormDescription>{description}</FormDescription>
          </div>
          <FormControl>
            <Switch checked={field.value === true} onCheckedChange={field.onChange} onBlur={field.onBlur} ref={field.ref} name={field.name} />
          </FormControl>
        </FormItem>
      )}
    />
  );
}

export function ExtrasSection() {
  const { control, getValues } = useFormContext<CustomerFormValues>();
  const { errors } = useFormState<CustomerFormValues>({ name: "metadata" });
  const [advanced, setAdvanced] = useState(() => {
    const metadata = getValues("metadata");
    return typeof metadata === "string" ? metadata.trim() !== "" : Object.keys(metadata).length > 0;
  });
  const open = advanced || Boolean(errors.metadata);

  return (
    <>
      <FormSection title="Tags and flags">
        <TagsField />
        <FlagField name="autoSendInvoices" label="Auto-send invoices" description="Send each invoice as soon as it is finalised." />
        <FlagField name="sendReminders" label="Send reminders" description="Remind the customer before and after the due date." />
      </FormSection>
      <FormSection title="Notes" description="Visible to staff only. For a dated log, use the Notes tab.">
        <FormField
          control={control}
          name="notes"
          render={({ field }) => (
            <FormItem className="sm:col-span-2">
              <FormLabel>Notes</FormLabel>
              <FormControl>
                <Textarea rows={4} {...field} value={field.value ?? ""} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
      </FormSection>
      <section className="space-y-3">
        <Button type="button" variant="ghost" size="sm" className="-ml-2" aria-expanded={open} onClick={() => setAdvanced(!open)}>
          {open ? <ChevronDown /> : <ChevronRight />}
          Advanced
        </Button>
        {open ? (
          <FormField
            control={control}
            name="metadata"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Metadata (JSON)</FormLabel>
                <FormControl>
                  <Textarea
                    rows={5}
                    className="font-mono text-xs"
                    placeholder='{"crm_id": "42"}'
                    spellCheck={false}
                    {...field}
                    value={typeof field.value === "string" ? field.value : JSON.stringify(field.value, null, 2)}
                  />
                </FormControl>
                <FormDescription>A JSON object for integrations. Leave empty if you do not need it.</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
        ) : null}
      </section>
    </>
  );
}

"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { TextField } from "@/components/forms/text-field";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { TEMPLATE_COLUMN_LABELS, TEMPLATE_COLUMN_OPTIONS, type TemplateFormValues } from "@/lib/invoice-templates/schemas";

type TextAreaName = "headerText" | "footerText" | "defaultNotes" | "defaultTerms";

function TextAreaField({ name, label, description, maxLength, rows = 2 }: { name: TextAreaName; label: string; description: string; maxLength: number; rows?: number }) {
  const { control } = useFormContext<TemplateFormValues>();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Textarea {...field} value={field.value ?? ""} rows={rows} maxLength={maxLength} />
          </FormControl>
          <FormDescription>{description}</FormDescription>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** The accent colour as text (#rrggbb) with a picker beside it; both edit the same value. */
function AccentColorField() {
  const { control } = useFormContext<TemplateFormValues>();
  const color = useWatch({ control, name: "accentColor" });
  const pickerValue = /^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : "#000000";
  return (
    <FormField
      control={control}
      name="accentColor"
      render={({ field }) => (
        <FormItem>
          <FormLabel>Accent colour</FormLabel>
          <div className="flex items-center gap-2">
            <input
              type="color"
              aria-label="Pick the accent colour"
              className="h-9 w-12 cursor-pointer rounded-md border bg-transparent p-1"
              value={pickerValue}
              onChange={(event) => field.onChange(event.target.value)}
            />
            <FormControl>
              <Input {...field} className="w-32 font-mono" maxLength={7} placeholder="#2563eb" autoComplete="off" />
            </FormControl>
          </div>
          <FormDescription>Headings and the totals bar use it.</FormDescription>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

function ColumnsField() {
  const { control } = useFormContext<TemplateFormValues>();
  return (
    <FormField
      control={control}
      name="columns"
      render={({ field }) => (
        <FormItem>
          <FormLabel>Line columns</FormLabel>
          <FormDescription>Description and amount always show.</FormDescription>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {TEMPLATE_COLUMN_OPTIONS.map((column) => {
              const checked = field.value.includes(column);
              return (
                <label key={column} className="flex items-center gap-2 text-sm">
                  <Checkbox
                    checked={checked}
                    onCheckedChange={(next) =>
                      field.onChange(next === true ? [...field.value, column] : field.value.filter((value) => value !== column))
                    }
                  />
                  {TEMPLATE_COLUMN_LABELS[column]}
                </label>
              );
            })}
          </div>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

function ShowLogoField() {
  const { control } = useFormContext<TemplateFormValues>();
  return (
    <FormField
      control={control}
      name="showLogo"
      render={({ field }) => (
        <FormItem className="flex flex-row items-start justify-between gap-4 rounded-md border p-3">
          <div className="grid gap-1">
            <FormLabel>Show the company logo</FormLabel>
            <FormDescription>The logo uploaded in company settings, at the top of the invoice.</FormDescription>
          </div>
          <FormControl>
            <Switch checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} ref={field.ref} name={field.name} />
          </FormControl>
        </FormItem>
      )}
    />
  );
}

/** Every field of the template form; the dialog supplies the form context. */
export function TemplateFields() {
  const { control } = useFormContext<TemplateFormValues>();
  return (
    <>
      <TextField control={control} name="name" label="Name" autoFocus maxLength={100} placeholder="Standard" />
      <AccentColorField />
      <ShowLogoField />
      <ColumnsField />
      <TextAreaField name="headerText" label="Header text" maxLength={500} description="Under the company details, e.g. “Tax invoice”." />
      <TextAreaField name="footerText" label="Footer text" maxLength={1000} description="At the bottom of every page, e.g. bank details." />
      <TextAreaField name="defaultNotes" label="Default notes" maxLength={5000} rows={3} description="Filled into new invoices that use this template." />
      <TextAreaField name="defaultTerms" label="Default terms" maxLength={5000} rows={3} description="Filled into new invoices that use this template." />
    </>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { Switch } from "@/components/ui/switch";
import { taxRateFieldsSchema, type TaxRateFormValues } from "@/lib/tax-rates/schemas";
import { createTaxRateAction, updateTaxRateAction } from "./actions";

interface Props {
  /** the rate to edit; a new one when absent */
  rate?: { id: string } & TaxRateFormValues;
  trigger: ReactNode;
}

const EMPTY: TaxRateFormValues = { name: "", percent: "", country: "", compound: false };

export function TaxRateDialog({ rate, trigger }: Props) {
  const [open, setOpen] = useState(false);
  const initial = rate ? { name: rate.name, percent: rate.percent, country: rate.country, compound: rate.compound } : EMPTY;
  const form = useForm<TaxRateFormValues>({
    resolver: zodResolver(taxRateFieldsSchema, undefined, { raw: true }),
    defaultValues: initial,
  });

  async function onSubmit() {
    const values = form.getValues();
    const result = rate ? await updateTaxRateAction({ ...values, id: rate.id }) : await createTaxRateAction(values);
    applyActionResult(form, result, rate ? "Tax rate saved." : "Tax rate created.");
    if (result.ok) setOpen(false);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) form.reset(initial);
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{rate ? `Edit ${rate.name}` : "New tax rate"}</DialogTitle>
          <DialogDescription>
            {rate ? "Invoices already issued keep the rate they were issued with." : "Available on new invoices once saved."}
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4">
            <FormError message={form.formState.errors.root?.message} />
            <TextField control={form.control} name="name" label="Name" autoFocus placeholder="VAT 16%" />
            <TextField
              control={form.control}
              name="percent"
              label="Percent"
              inputMode="decimal"
              placeholder="16"
              className="w-32"
              description="From 0 to 100, up to 3 decimals (8.875)."
            />
            <TextField
              control={form.control}
              name="country"
              label="Country (optional)"
              maxLength={2}
              placeholder="KE"
              className="w-24 uppercase"
              description="Two-letter ISO code. Leave empty for a rate used anywhere."
            />
            <FormField
              control={form.control}
              name="compound"
              render={({ field }) => (
                <FormItem className="flex flex-row items-start justify-between gap-4 rounded-md border p-3">
                  <div className="grid gap-1">
                    <FormLabel>Compound tax</FormLabel>
                    <FormDescription>Charged on the line amount plus the other taxes, e.g. a levy on top of VAT.</FormDescription>
                  </div>
                  <FormControl>
                    <Switch checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} ref={field.ref} name={field.name} />
                  </FormControl>
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Saving…" : rate ? "Save" : "Create tax rate"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

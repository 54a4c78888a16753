"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions";
import { CONFIG_METHODS, METHOD_LABELS } from "@/lib/payment-methods/labels";
import { EMPTY_PAYMENT_METHOD_FORM, paymentMethodFields, type PaymentMethodFormValues } from "@/lib/payment-methods/schemas";
import { createPaymentMethodAction, updatePaymentMethodAction } from "@/app/(admin)/admin/payment-methods/actions";
import { BankFields, LimitFields, WalletFields } from "./method-fields";

interface Props {
  /** the config to edit; a new one when absent */
  config?: { id: string; values: PaymentMethodFormValues };
  trigger: ReactNode;
}

const METHOD_OPTIONS = CONFIG_METHODS.map((value) => ({ value, label: METHOD_LABELS[value] }));

/** The update action nests the fields under `fields.`: put its errors back under the form's own names. */
function unnest<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([key, messages]) => [key.replace(/^fields\./, ""), messages]));
  return { ...result, fieldErrors };
}

export function PaymentMethodDialog({ config, trigger }: Props) {
  const [open, setOpen] = useState(false);
  const initial = config?.values ?? EMPTY_PAYMENT_METHOD_FORM;
  const form = useForm<PaymentMethodFormValues>({
    resolver: zodResolver(paymentMethodFields, undefined, { raw: true }),
    defaultValues: initial,
  });
  const method = form.watch("method");

  async function onSubmit() {
    const values = form.getValues();
    const result = config ? unnest(await updatePaymentMethodAction({ id: config.id, fields: values })) : await createPaymentMethodAction(values);
    applyActionResult(form, result, config ? "Payment method saved." : "Payment method added.");
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
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{config ? `Edit ${config.values.displayName}` : "New payment method"}</DialogTitle>
          <DialogDescription>Customers see the methods for their billing country on the invoice page. Gateway keys stay in environment variables.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" data-testid="payment-method-form">
            <FormError message={form.formState.errors.root?.message} />
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField control={form.control} name="method" label="Method" options={METHOD_OPTIONS} />
              <TextField control={form.control} name="displayName" label="Name customers see" placeholder="Bank transfer (KES)" data-testid="pm-display-name" />
            </div>
            <TextField
              control={form.control}
              name="countries"
              label="Countries"
              placeholder="KE, UG, TZ"
              className="uppercase"
              description="Two-letter ISO codes, separated by commas. Leave empty to offer it everywhere."
              data-testid="pm-countries"
            />
            <FormField
              control={form.control}
              name="instructions"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Instructions for the customer</FormLabel>
                  <FormControl>
                    <Textarea rows={3} {...field} data-testid="pm-instructions" />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            {method === "bank_transfer" ? <BankFields form={form} /> : null}
            {method === "local_wallet" ? <WalletFields form={form} /> : null}
            <LimitFields form={form} />
            <FormField
              control={form.control}
              name="enabled"
              render={({ field }) => (
                <FormItem className="flex flex-row items-start justify-between gap-4 rounded-md border p-3">
                  <div className="grid gap-1">
                    <FormLabel>Enabled</FormLabel>
                    <FormDescription>Offered on invoice pages as soon as it is saved.</FormDescription>
                  </div>
                  <FormControl>
                    <Switch checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} ref={field.ref} name={field.name} />
                  </FormControl>
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="submit" disabled={form.formState.isSubmitting} data-testid="pm-save">
                {form.formState.isSubmitting ? "Saving…" : config ? "Save" : "Add payment method"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { applyActionResult } from "@/components/forms/submit-action";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { companySettingsSchema, NUMBER_RESETS, type CompanySettingsFormValues } from "@/lib/settings/schemas";
import { updateSettingsAction } from "./actions";
import { NumberFormatExample } from "./number-format-example";

const RESET_LABELS: Record<(typeof NUMBER_RESETS)[number], string> = {
  never: "Never (one running sequence)",
  yearly: "Every year",
  monthly: "Every month",
};
const RESET_OPTIONS = NUMBER_RESETS.map((reset) => ({ value: reset, label: RESET_LABELS[reset] }));

// currencies come from the server's list, so server and browser render the same options
export function SettingsForm({ defaults, currencies }: { defaults: CompanySettingsFormValues; currencies: string[] }) {
  // raw: the form keeps what was typed (the server parses it again), so inputs stay strings
  const form = useForm<CompanySettingsFormValues>({
    resolver: zodResolver(companySettingsSchema, undefined, { raw: true }),
    defaultValues: defaults,
  });
  const { control } = form;

  async function onSubmit() {
    const values = form.getValues();
    const result = await updateSettingsAction(values);
    applyActionResult(form, result, "Company settings saved.");
    if (result.ok) form.reset(values);
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-6">
        <FormError message={form.formState.errors.root?.message} />
        <Card>
          <CardHeader>
            <CardTitle>Company</CardTitle>
            <CardDescription>The legal entity printed on every invoice.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <TextField control={control} name="legalName" label="Legal name" autoFocus />
            <TextField control={control} name="taxId" label="Tax id" description="VAT, PIN or similar registration number." />
            <TextField control={control} name="email" label="Billing email" type="email" />
            <TextField control={control} name="phone" label="Phone" type="tel" />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Address</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <TextField control={control} name="street" label="Street" />
            <TextField control={control} name="city" label="City" />
            <TextField control={control} name="region" label="Region or state" />
            <TextField control={control} name="postalCode" label="Postal code" />
            <TextField
              control={control}
              name="country"
              label="Country"
              description="Two-letter ISO code, such as KE, US or DE."
              maxLength={2}
              className="w-24 uppercase"
              autoComplete="country"
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Invoicing</CardTitle>
            <CardDescription>
              Number formats use {"{YYYY}"}, {"{YY}"}, {"{MM}"} and {"{SEQ}"} or {"{SEQ:n}"} (padded to n digits).
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <TextField
              control={control}
              name="defaultCurrency"
              label="Default currency"
              description="ISO 4217 code, such as USD, EUR or KES."
              maxLength={3}
              className="w-24 uppercase"
              list="currency-codes"
            />
            <datalist id="currency-codes">
              {currencies.map((code) => (
                <option key={code} value={code} />
              ))}
            </datalist>
            <TextField
              control={control}
              name="defaultPaymentTerms"
              label="Default payment terms (days)"
              description="Days from the invoice date to the due date, 0 to 365."
              inputMode="numeric"
              className="w-24"
            />
            <div className="grid gap-2">
              <TextField control={control} name="invoiceNumberFormat" label="Invoice number format" className="font-mono" />
              <NumberFormatExample control={control} name="invoiceNumberFormat" />
            </div>
            <SelectField control={control} name="invoiceNumberReset" label="Invoice numbers restart" options={RESET_OPTIONS} />
            <div className="grid gap-2">
              <TextField control={control} name="creditNoteNumberFormat" label="Credit note number format" className="font-mono" />
              <NumberFormatExample control={control} name="creditNoteNumberFormat" />
            </div>
          </CardContent>
          <CardFooter className="justify-end">
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? "Saving…" : "Save settings"}
            </Button>
          </CardFooter>
        </Card>
      </form>
    </Form>
  );
}

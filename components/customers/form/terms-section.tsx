"use client";

import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { NativeSelect } from "@/components/admin/native-select";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { PAYMENT_METHOD_KIND_LABELS } from "@/lib/customers/payment-method-schemas";
import { LANGUAGES, PAYMENT_METHOD_KINDS, PAYMENT_TERM_PRESETS, type CustomerFormValues } from "@/lib/customers/schemas";
import { FormSection } from "./form-section";

const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "KES", "UGX", "TZS", "NGN", "ZAR", "GHS", "INR", "JPY", "CAD", "AUD", "CHF"];
const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = {
  en: "English",
  fr: "French",
  de: "German",
  es: "Spanish",
  pt: "Portuguese",
  sw: "Swahili",
  ar: "Arabic",
  zh: "Chinese",
};
const termsLabel = (days: number) => (days === 0 ? "Due on receipt" : `Net ${days}`);
const isPreset = (value: unknown) => (PAYMENT_TERM_PRESETS as readonly number[]).includes(Number(value)) && String(value).trim() !== "";

function PaymentTermsField() {
  const { control, getValues } = useFormContext<CustomerFormValues>();
  const [custom, setCustom] = useState(() => !isPreset(getValues("paymentTerms")));
  return (
    <FormField
      control={control}
      name="paymentTerms"
      render={({ field }) => (
        <FormItem>
          <FormLabel>Payment terms</FormLabel>
          <FormControl>
            <NativeSelect
              name={field.name}
              ref={field.ref}
              onBlur={field.onBlur}
              value={custom ? "custom" : String(field.value)}
              onChange={(event) => {
                const choice = event.target.value;
                setCustom(choice === "custom");
                if (choice !== "custom") field.onChange(Number(choice));
              }}
            >
              {PAYMENT_TERM_PRESETS.map((days) => (
                <option key={days} value={String(days)}>
                  {termsLabel(days)}
                </option>
              ))}
              <option value="custom">Custom…</option>
            </NativeSelect>
          </FormControl>
          {custom ? (
            <div className="flex items-center gap-2">
              <Input
                aria-label="Net days"
                type="number"
                inputMode="numeric"
                min={0}
                max={365}
                className="w-28"
                value={String(field.value ?? "")}
                onChange={(event) => field.onChange(event.target.value)}
              />
              <span className="text-sm text-muted-foreground">days after the invoice date</span>
            </div>
          ) : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

export function TermsSection() {
  const { control } = useFormContext<CustomerFormValues>();
  const currency = useWatch<CustomerFormValues, "currency">({ name: "currency" });
  return (
    <FormSection title="Terms" description="Defaults for this customer's invoices.">
      <FormField
        control={control}
        name="currency"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Currency</FormLabel>
            <FormControl>
              <Input {...field} list="customer-currencies" maxLength={3} autoComplete="off" onChange={(event) => field.onChange(event.target.value.toUpperCase())} />
            </FormControl>
            <datalist id="customer-currencies">
              {COMMON_CURRENCIES.map((code) => (
                <option key={code} value={code} />
              ))}
            </datalist>
            <FormDescription>ISO 4217 code, such as USD or KES.</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <PaymentTermsField />
      <FormField
        control={control}
        name="creditLimit"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Credit limit</FormLabel>
            <div className="flex items-center rounded-md border border-input shadow-xs focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50">
              <span className="border-r px-3 text-sm text-muted-foreground" aria-hidden>
                {currency?.trim() || "—"}
              </span>
              <FormControl>
                <Input {...field} inputMode="decimal" placeholder="No limit" className="border-0 shadow-none focus-visible:ring-0" />
              </FormControl>
            </div>
            <FormMessage />
          </FormItem>
        )}
      />
      <FormField
        control={control}
        name="preferredPaymentMethod"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Preferred payment method</FormLabel>
            <FormControl>
              <NativeSelect {...field} value={field.value ?? ""}>
                <option value="">No preference</option>
                {PAYMENT_METHOD_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {PAYMENT_METHOD_KIND_LABELS[kind]}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <FormField
        control={control}
        name="language"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Language</FormLabel>
            <FormControl>
              <NativeSelect {...field}>
                {LANGUAGES.map((code) => (
                  <option key={code} value={code}>
                    {LANGUAGE_NAMES[code]}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormDescription>For invoices and emails sent to this customer.</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
    </FormSection>
  );
}

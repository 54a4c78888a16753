"use client";

import { useEffect, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import type { CustomerFormValues } from "@/lib/customers/schemas";
import { FormSection } from "./form-section";
import { CustomerTextField } from "./text-field";

const PARTS = ["Street", "City", "Region", "PostalCode", "Country"] as const;
const billing = PARTS.map((part) => `billing${part}` as const);
const shipping = PARTS.map((part) => `shipping${part}` as const);

function AddressFields({ prefix, readOnly }: { prefix: "billing" | "shipping"; readOnly?: boolean }) {
  const word = prefix === "billing" ? "Billing" : "Shipping";
  const auto = prefix === "billing" ? "billing" : "shipping";
  return (
    <>
      <CustomerTextField name={`${prefix}Street`} label={`${word} street`} autoComplete={`${auto} street-address`} readOnly={readOnly} className="sm:col-span-2" />
      <CustomerTextField name={`${prefix}City`} label={`${word} city`} autoComplete={`${auto} address-level2`} readOnly={readOnly} />
      <CustomerTextField name={`${prefix}Region`} label={`${word} region`} autoComplete={`${auto} address-level1`} readOnly={readOnly} />
      <CustomerTextField name={`${prefix}PostalCode`} label={`${word} postal code`} autoComplete={`${auto} postal-code`} readOnly={readOnly} />
      <CustomerTextField
        name={`${prefix}Country`}
        label={`${word} country`}
        autoComplete={`${auto} country`}
        readOnly={readOnly}
        maxLength={2}
        placeholder="KE"
        className="[&_input]:uppercase"
        description="Two-letter ISO code."
      />
    </>
  );
}

export function AddressSection() {
  const { getValues, setValue } = useFormContext<CustomerFormValues>();
  const billingValues = useWatch<CustomerFormValues, typeof billing>({ name: billing });
  const [same, setSame] = useState(() => {
    const values = getValues();
    return billing.some((name) => values[name] !== "") && billing.every((name, i) => values[name] === values[shipping[i]!]);
  });

  // while "Same as billing" is on, shipping follows every billing edit
  useEffect(() => {
    if (!same) return;
    billing.forEach((_, i) => {
      const target = shipping[i]!;
      const value = billingValues[i] ?? "";
      if (getValues(target) !== value) setValue(target, value, { shouldDirty: true });
    });
  }, [same, billingValues, getValues, setValue]);

  return (
    <>
      <FormSection title="Billing address" description="Printed on invoices. The country also reads local phone numbers.">
        <AddressFields prefix="billing" />
      </FormSection>
      <FormSection title="Shipping address">
        <div className="flex items-center gap-2 sm:col-span-2">
          <Checkbox id="same-as-billing" checked={same} onCheckedChange={(checked) => setSame(checked === true)} />
          <Label htmlFor="same-as-billing">Same as billing</Label>
        </div>
        <AddressFields prefix="shipping" readOnly={same} />
      </FormSection>
    </>
  );
}

"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { useState } from "react";
import { useFormContext, useFormState } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { CustomerFormValues } from "@/lib/customers/schemas";
import { FormSection } from "./form-section";
import { CustomerTextField } from "./text-field";

export function ContactSection() {
  const { getValues } = useFormContext<CustomerFormValues>();
  const { errors } = useFormState<CustomerFormValues>({ name: ["secondaryEmail", "secondaryPhone"] });
  // The second contact stays folded away unless it is filled in (or wrong), to keep the form short.
  const [showMore, setShowMore] = useState(() => Boolean(getValues("secondaryEmail") || getValues("secondaryPhone")));
  const open = showMore || Boolean(errors.secondaryEmail || errors.secondaryPhone);

  return (
    <FormSection title="Contact" description="A company name, or a person's name, is required.">
      <CustomerTextField name="companyName" label="Company name" autoComplete="organization" autoFocus className="sm:col-span-2" />
      <CustomerTextField name="firstName" label="First name" autoComplete="given-name" />
      <CustomerTextField name="lastName" label="Last name" autoComplete="family-name" />
      <CustomerTextField name="email" label="Email" type="email" autoComplete="email" />
      <CustomerTextField name="phone" label="Phone" type="tel" autoComplete="tel" description="With the country code, or in the billing country." />
      <div className="sm:col-span-2">
        <Button type="button" variant="ghost" size="sm" className="-ml-2" aria-expanded={open} onClick={() => setShowMore(!open)}>
          {open ? <ChevronDown /> : <ChevronRight />}
          Second contact
        </Button>
      </div>
      {open ? (
        <>
          <CustomerTextField name="secondaryEmail" label="Secondary email" type="email" />
          <CustomerTextField name="secondaryPhone" label="Secondary phone" type="tel" />
        </>
      ) : null}
    </FormSection>
  );
}

"use client";

import { FormSection } from "./form-section";
import { CustomerTextField } from "./text-field";

export function BusinessSection() {
  return (
    <FormSection title="Business">
      <CustomerTextField name="taxId" label="Tax ID" description="VAT number, PIN or EIN, as printed on invoices." />
      <CustomerTextField name="industry" label="Industry" />
      <CustomerTextField name="website" label="Website" type="url" inputMode="url" placeholder="example.com" className="sm:col-span-2" />
    </FormSection>
  );
}

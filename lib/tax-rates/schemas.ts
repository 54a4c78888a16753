import { z } from "zod";
import { optionalCountrySchema } from "@/lib/settings/schemas";
import { PERCENT_MESSAGE, toStoredPercent } from "./percent";

export const taxRateFieldsSchema = z.object({
  name: z.string().trim().min(1, "Enter a name, such as VAT 16%.").max(100, "Use at most 100 characters."),
  percent: z
    .string()
    .trim()
    .refine((value) => toStoredPercent(value) !== null, PERCENT_MESSAGE)
    .transform((value) => toStoredPercent(value) ?? ""),
  country: optionalCountrySchema,
  // charged on the line amount plus the line's other taxes (lib/invoices/calculate.ts)
  compound: z.boolean({ error: "Choose whether the tax is compound." }),
});
export type TaxRateFormValues = z.input<typeof taxRateFieldsSchema>;
export type TaxRateInput = z.output<typeof taxRateFieldsSchema>;

export const updateTaxRateSchema = taxRateFieldsSchema.extend({ id: z.uuid("Unknown tax rate.") });
export type UpdateTaxRateInput = z.output<typeof updateTaxRateSchema>;

export const setTaxRateActiveSchema = z.object({ id: z.uuid("Unknown tax rate."), active: z.boolean() });
export type SetTaxRateActiveInput = z.output<typeof setTaxRateActiveSchema>;

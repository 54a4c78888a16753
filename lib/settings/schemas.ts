import { z } from "zod";
import { isCountryCode } from "./countries";
import { numberFormatError, numberFormatErrorForReset } from "./number-format";

export const NUMBER_RESETS = ["never", "yearly", "monthly"] as const;

let currencies: ReadonlySet<string> | undefined;
/** ISO 4217 codes this runtime knows (the same list formats the amounts). */
export function isCurrencyCode(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf("currency"));
  return currencies.has(code);
}

/** Optional text: blank becomes null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value));

/** Optional ISO 3166 alpha-2 country, upper-cased; blank becomes null. Shared with tax rates. */
export const optionalCountrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => value === "" || isCountryCode(value), "Use a two-letter ISO country code such as KE, US or DE.")
  .transform((value) => (value === "" ? null : value));

const numberFormatSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const error = numberFormatError(value);
    if (error) ctx.addIssue({ code: "custom", message: error });
  });

export const companySettingsSchema = z
  .object({
    legalName: z.string().trim().min(1, "Enter the company's legal name.").max(200, "Use at most 200 characters."),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .refine((value) => value === "" || z.email().safeParse(value).success, "Enter a valid email address, or leave it empty.")
      .transform((value) => (value === "" ? null : value)),
    phone: optionalText(40),
    street: optionalText(200),
    city: optionalText(100),
    region: optionalText(100),
    postalCode: optionalText(20),
    country: optionalCountrySchema,
    taxId: optionalText(50),
    defaultCurrency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCurrencyCode, "Use a three-letter ISO 4217 currency code such as USD, EUR or KES."),
    defaultPaymentTerms: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, "Enter a whole number of days from 0 to 365.")
      .transform(Number)
      .refine((days) => days <= 365, "Enter a whole number of days from 0 to 365."),
    invoiceNumberFormat: numberFormatSchema,
    invoiceNumberReset: z.enum(NUMBER_RESETS, { error: "Choose when invoice numbers restart." }),
    creditNoteNumberFormat: numberFormatSchema,
  })
  .superRefine((value, ctx) => {
    // only when the format itself is fine: one message per field
    if (numberFormatError(value.invoiceNumberFormat)) return;
    const error = numberFormatErrorForReset(value.invoiceNumberFormat, value.invoiceNumberReset);
    if (error) ctx.addIssue({ code: "custom", path: ["invoiceNumberFormat"], message: error });
  });

export type CompanySettingsFormValues = z.input<typeof companySettingsSchema>;
export type CompanySettingsInput = z.output<typeof companySettingsSchema>;

import { z } from "zod";
import type { PaymentMethodKind } from "@/db/schema/customers";
import { parseMoney } from "@/lib/money";
import { isCurrencyCode, optionalCountrySchema } from "@/lib/settings/schemas";
import { flagField, optionalEmail, optionalText, tagsField, toE164 } from "./fields";

// Shared by the customer form (client), the server actions and the CSV import: one rule set.

export const CUSTOMER_STATUSES = ["active", "suspended", "archived"] as const;
export const PAYMENT_STATUSES = ["good", "warning", "overdue"] as const;
export const PAYMENT_TERM_PRESETS = [0, 7, 15, 30, 60] as const;
// Spelled out (not read from the drizzle enum) so client bundles do not pull in the schema.
export const PAYMENT_METHOD_KINDS = ["stripe_card", "paypal", "bank_transfer", "local_wallet", "cash", "check"] as const satisfies readonly PaymentMethodKind[];
export const LANGUAGES = ["en", "fr", "de", "es", "pt", "sw", "ar", "zh"] as const;

const optionalPhone = z.string().trim().max(40, "That phone number is too long.");

const urlCheck = z.url();

const website = z
  .string()
  .trim()
  .max(300, "Use at most 300 characters.")
  .transform((value) => (value === "" || /^https?:\/\//i.test(value) ? value : `https://${value}`))
  .refine((value) => value === "" || urlCheck.safeParse(value).success, "Enter a web address such as example.com.")
  .transform((value) => (value === "" ? null : value));

const metadata = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .transform((value, ctx) => {
    if (typeof value !== "string") return value;
    if (value.trim() === "") return {};
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through to the issue below
    }
    ctx.addIssue({ code: "custom", message: 'Metadata must be a JSON object such as {"crm_id": "42"}.' });
    return z.NEVER;
  });

export const customerFields = z.object({
  companyName: optionalText(200),
  firstName: optionalText(100),
  lastName: optionalText(100),
  email: optionalEmail,
  phone: optionalPhone,
  secondaryEmail: optionalEmail,
  secondaryPhone: optionalPhone,
  billingStreet: optionalText(200),
  billingCity: optionalText(100),
  billingRegion: optionalText(100),
  billingPostalCode: optionalText(20),
  billingCountry: optionalCountrySchema,
  shippingStreet: optionalText(200),
  shippingCity: optionalText(100),
  shippingRegion: optionalText(100),
  shippingPostalCode: optionalText(20),
  shippingCountry: optionalCountrySchema,
  taxId: optionalText(50),
  industry: optionalText(100),
  website,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrencyCode, "Use an ISO 4217 currency code such as USD, EUR or KES."),
  paymentTerms: z.coerce
    .number({ error: "Enter the payment terms in days." })
    .int("Use whole days.")
    .min(0, "Payment terms cannot be negative.")
    .max(365, "Use at most 365 days."),
  // text as typed ("5,000.00"); turned into minor units of `currency` below
  creditLimit: z.string().trim().max(30, "That amount is too long."),
  preferredPaymentMethod: z
    .union([z.enum(PAYMENT_METHOD_KINDS), z.literal("")])
    .transform((value) => (value === "" ? null : value)),
  tags: tagsField,
  notes: optionalText(5000),
  metadata,
  autoSendInvoices: flagField,
  sendReminders: flagField,
  language: z.enum(LANGUAGES, { error: "Choose a supported language." }),
});

/** The cross-field rules: a name, phones in E.164 (read in the billing country), credit limit in minor units. */
export const customerInputSchema = customerFields.transform((value, ctx) => {
  if (!value.companyName && !value.firstName && !value.lastName) {
    ctx.addIssue({ code: "custom", path: ["companyName"], message: "Enter a company name or a person's name." });
  }
  const phone = (field: "phone" | "secondaryPhone") => {
    if (value[field] === "") return null;
    const e164 = toE164(value[field], value.billingCountry);
    if (!e164) ctx.addIssue({ code: "custom", path: [field], message: "Enter a valid phone number, with the country code (+254…) if it is not in the billing country." });
    return e164;
  };
  let creditLimit: bigint | null = null;
  if (value.creditLimit !== "") {
    const parsed = parseMoney(value.creditLimit, value.currency);
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["creditLimit"], message: parsed.error });
    else if (parsed.minor < 0n) ctx.addIssue({ code: "custom", path: ["creditLimit"], message: "The credit limit cannot be negative." });
    else creditLimit = parsed.minor;
  }
  return { ...value, phone: phone("phone"), secondaryPhone: phone("secondaryPhone"), creditLimit };
});

export type CustomerFormValues = z.input<typeof customerFields>;
export type CustomerInput = z.output<typeof customerInputSchema>;

/** An edit carries the version it started from (optimistic concurrency). */
export const customerUpdateSchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().positive(),
  allowDuplicate: flagField.default(false),
  customer: customerInputSchema,
});

export const customerCreateSchema = z.object({
  allowDuplicate: flagField.default(false),
  customer: customerInputSchema,
});

import { z } from "zod";
import { parseMoney } from "@/lib/money";
import { isCurrencyCode } from "@/lib/settings/schemas";

// Shared by the product dialog (client) and the server actions: one rule set, no server imports.

export const UNIT_PRESETS = ["hour", "day", "week", "month", "year", "piece", "item", "kg", "g", "litre", "metre", "km", "license", "project"] as const;

/** The value SelectField uses for "no default tax rate" (a select item cannot have an empty value). */
export const NO_TAX_RATE = "none";

/** 10^15 minor units: far above any unit price, far below bigint's limit. */
export const MAX_UNIT_PRICE_MINOR = 1_000_000_000_000_000n;

/** Optional text: trimmed, blank becomes null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value));

// Currency-free shape check, so a malformed or negative price is reported together with the other
// fields; the decimals allowed by the currency are checked once the currency is known (below).
const PRICE_SHAPE = /^-?[\d,\s_]*\d[\d,\s_]*(?:\.\d*)?$/;

export const productFields = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters."),
  sku: z
    .string()
    .trim()
    .max(64, "Use at most 64 characters.")
    .refine((value) => value === "" || /^[\p{L}\p{N}][\p{L}\p{N} ._/#-]*$/u.test(value), "Use letters, digits, spaces and . _ / # -.")
    .transform((value) => (value === "" ? null : value)),
  description: optionalText(2000),
  unit: optionalText(20),
  // text as typed ("1,234.50"); turned into minor units of `currency` below, never through a float
  unitPrice: z
    .string()
    .trim()
    .min(1, "Enter a unit price (0 is allowed).")
    .max(30, "That amount is too long.")
    .refine((value) => PRICE_SHAPE.test(value), "Enter an amount such as 1,234.50.")
    .refine((value) => !value.startsWith("-"), "The unit price cannot be negative."),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrencyCode, "Use an ISO 4217 currency code such as USD, EUR or KES."),
  defaultTaxRateId: z
    .union([z.literal(""), z.literal(NO_TAX_RATE), z.uuid("Choose a tax rate from the list.")], { error: "Choose a tax rate from the list." })
    .transform((value) => (value === "" || value === NO_TAX_RATE ? null : value)),
});

export type ProductFormValues = z.input<typeof productFields>;

type ParsedFields = z.output<typeof productFields>;

/** The price in minor units of the chosen currency (JPY 0 decimals, USD 2, KWD 3). */
function withMinorPrice<T extends ParsedFields>(value: T, ctx: z.RefinementCtx): Omit<T, "unitPrice"> & { unitPrice: bigint } {
  const parsed = parseMoney(value.unitPrice, value.currency);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", path: ["unitPrice"], message: parsed.error });
    return z.NEVER;
  }
  if (parsed.minor < 0n) {
    ctx.addIssue({ code: "custom", path: ["unitPrice"], message: "The unit price cannot be negative." });
    return z.NEVER;
  }
  if (parsed.minor >= MAX_UNIT_PRICE_MINOR) {
    ctx.addIssue({ code: "custom", path: ["unitPrice"], message: "That price is too large." });
    return z.NEVER;
  }
  return { ...value, unitPrice: parsed.minor };
}

export const productInputSchema = productFields.transform(withMinorPrice);
export type ProductInput = z.output<typeof productInputSchema>;

/** An edit carries the version it started from (optimistic concurrency). */
export const productUpdateSchema = productFields
  .extend({
    id: z.uuid("Unknown product."),
    version: z.coerce.number().int().positive(),
  })
  .transform(withMinorPrice);
export type ProductUpdateInput = z.output<typeof productUpdateSchema>;

export const productIdSchema = z.object({ id: z.uuid("Unknown product.") });

export const productActiveSchema = z.object({ id: z.uuid("Unknown product."), active: z.boolean() });

import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { z } from "zod";

/** Optional text: trimmed, blank becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value));

// built once: a CSV import runs these checks on every row
const emailCheck = z.email();

export const optionalEmail = z
  .string()
  .trim()
  .max(320, "That address is too long.")
  .refine((value) => value === "" || emailCheck.safeParse(value).success, "Enter a valid email address.")
  .transform((value) => (value === "" ? null : value.toLowerCase()));

/** "+254 712 345678", or a national number read in `country` → "+254712345678"; null when invalid. */
export function toE164(input: string, country?: string | null): string | null {
  const parsed = parsePhoneNumberFromString(input, (country ?? undefined) as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : null;
}

export const TAG_PATTERN = /^[a-z0-9][a-z0-9 _-]{0,31}$/;

/** "VIP, wholesale" or ["VIP"] → ["vip", "wholesale"]: lower case, unique, letters/digits/-/_/space. */
export const tagsField = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(/[,;]/)))
  .transform((tags) => [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))])
  .refine((tags) => tags.length <= 20, "Use at most 20 tags.")
  .refine(
    (tags) => tags.every((tag) => TAG_PATTERN.test(tag)),
    "Tags use letters, digits, spaces, - and _ (at most 32 characters each).",
  );

/** Form checkboxes and CSV cells: true/false, yes/no, 1/0, on. */
export const flagField = z
  .union([z.boolean(), z.string()])
  .transform((value) => (typeof value === "boolean" ? value : ["true", "yes", "1", "on", "y"].includes(value.trim().toLowerCase())));

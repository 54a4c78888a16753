import { formatMoney } from "@/lib/money";
import { PAYMENT_TERM_PRESETS } from "@/lib/customers/schemas";

export { formatDateTime } from "@/components/admin/format";

export function formatPaymentTerms(days: number): string {
  if (days === 0) return "Due on receipt";
  return (PAYMENT_TERM_PRESETS as readonly number[]).includes(days) ? `Net ${days}` : `Net ${days} (custom)`;
}

export function formatCreditLimit(minor: bigint | null, currency: string): string {
  return minor === null ? "No limit" : formatMoney(minor, currency);
}

/** Street, city region postal code, country: the lines that are filled in. */
export function addressLines(parts: { street: string | null; city: string | null; region: string | null; postalCode: string | null; country: string | null }): string[] {
  const locality = [parts.city, parts.region, parts.postalCode].filter(Boolean).join(", ");
  return [parts.street, locality, parts.country].filter((line): line is string => Boolean(line));
}

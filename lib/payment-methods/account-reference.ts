/** The placeholders an account reference rule may use; anything else in braces is a typo. */
export const REFERENCE_PLACEHOLDERS = ["{invoice}", "{customer}"] as const;

/** Placeholders in `rule` that we do not know, e.g. "{invoce}". */
export function unknownPlaceholders(rule: string): string[] {
  const found = rule.match(/\{[^{}]*\}/g) ?? [];
  return found.filter((token) => !(REFERENCE_PLACEHOLDERS as readonly string[]).includes(token));
}

/**
 * What the customer types as the account reference: "INV {invoice}" → "INV INV-2026-00012".
 * An empty rule falls back to the invoice number, the one reference staff can always match.
 */
export function renderAccountReference(rule: string | null | undefined, values: { invoiceNumber: string; customerNumber: string }): string {
  const template = rule?.trim() ? rule.trim() : "{invoice}";
  return template.replaceAll("{invoice}", values.invoiceNumber).replaceAll("{customer}", values.customerNumber);
}

/** Offered in the dialog besides the company default and the currencies already in the catalog. */
export const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "KES", "UGX", "TZS", "NGN", "ZAR", "INR", "JPY", "KWD", "CAD", "AUD", "CHF"] as const;

/** The dialog's currency choices: common ones, the default, and those in use, once each, A→Z. */
export function currencyChoices(defaultCurrency: string, inUse: readonly string[]): string[] {
  return [...new Set([...COMMON_CURRENCIES, defaultCurrency, ...inUse])].sort();
}

import { currencyExponent, minorToDecimalString } from "@/lib/money";

// PayPal writes amounts as decimal strings ("12.50", JPY "1200", KWD "1.250"). The exponent comes
// from lib/money.ts, and the conversion is string ↔ bigint only: no float ever holds an amount.

export interface PayPalAmount {
  currency_code: string;
  value: string;
}

/** 1250n USD → { currency_code: "USD", value: "12.50" }. */
export function toPayPalAmount(minor: bigint, currency: string): PayPalAmount {
  if (minor < 0n) throw new RangeError("A PayPal amount cannot be negative.");
  return { currency_code: currency, value: minorToDecimalString(minor, currency) };
}

/**
 * "12.50" USD → 1250n. PayPal may leave trailing zeros off ("12.5"), so fewer decimals than the
 * currency has are padded; more are refused, as they cannot be a whole number of minor units.
 */
export function fromPayPalValue(value: string, currency: string): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new RangeError(`Not a PayPal amount: "${value}".`);
  const [, whole = "0", fraction = ""] = match;
  const exponent = currencyExponent(currency);
  if (fraction.replace(/0+$/, "").length > exponent) throw new RangeError(`${value} has more decimals than ${currency} allows.`);
  const digits = fraction.slice(0, exponent).padEnd(exponent, "0");
  return BigInt(whole) * 10n ** BigInt(exponent) + BigInt(digits || "0");
}

/** { currency_code, value } → minor units and the currency as PayPal reported them. */
export function fromPayPalAmount(amount: PayPalAmount): { amount: bigint; currency: string } {
  const currency = amount.currency_code.toUpperCase();
  return { amount: fromPayPalValue(amount.value, currency), currency };
}

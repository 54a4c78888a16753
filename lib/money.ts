/**
 * Money is integer minor units (bigint) of an ISO 4217 currency. This module is the only place
 * that turns user text into minor units and minor units back into text; it never uses floats.
 */

const exponents = new Map<string, number>();

/** Digits after the decimal point for a currency: JPY 0, USD 2, KWD 3 (from ICU's ISO 4217 data). */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

export type ParseResult = { ok: true; minor: bigint } | { ok: false; error: string };

/**
 * "1,234.50" → 123450n for USD. Accepts thousands separators (",", " ", "_") and one "." as the
 * decimal point; refuses more decimals than the currency has, rather than rounding silently.
 */
export function parseMoney(input: string, currency: string): ParseResult {
  const text = input.trim().replace(/[,\s_]/g, "");
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return { ok: false, error: "Enter an amount such as 1,234.50." };
  const [, sign, whole = "0", fraction = ""] = match;
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) {
    return { ok: false, error: exponent === 0 ? `${currency} has no decimal places.` : `${currency} has at most ${exponent} decimal places.` };
  }
  const minor = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
  return { ok: true, minor: sign ? -minor : minor };
}

/** 123450n USD → "1234.50" (plain, for form inputs and CSV). */
export function minorToDecimalString(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent ? `.${digits.slice(-exponent)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** 123450n USD → "$1,234.50" in the reader's locale. Intl formats the decimal string exactly. */
export function formatMoney(minor: bigint, currency: string, locale = "en-US"): string {
  const formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
  return formatter.format(minorToDecimalString(minor, currency) as `${number}`);
}

// ---------------------------------------------------------------------------------------------
// Rounding, percentages and allocation. Invariant 1: every rounding in money goes through
// roundHalfAwayFromZero, and every split goes through allocate, so no unit is ever lost.
// ---------------------------------------------------------------------------------------------

/** A parse that either gives the exact scaled integer or a message to show beside the field. */
export type ParsedValue = { ok: true; value: bigint } | { ok: false; error: string };

/** numerator / denominator rounded half away from zero, exactly: 5/2 → 3, -5/2 → -3, 7/3 → 2. */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("Cannot divide by zero.");
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d; // truncates toward zero
  const remainder = n % d; // same sign as n
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice < d) return quotient;
  return n < 0n ? quotient - 1n : quotient + 1n;
}

/** Percentages are integers in thousandths of a percent: 8.875% → 8875n, 100% → 100000n. */
export const PERCENT_SCALE = 1000n;
export const HUNDRED_PERCENT = 100n * PERCENT_SCALE;

export type PercentOptions = { allowOver100?: boolean };

/** "8.875" → 8875n; "16.000" (a numeric(6,3) column) → 16000n; "10%" → 10000n. */
export function safeParsePercent(text: string, options: PercentOptions = {}): ParsedValue {
  const match = /^(-)?(\d+)(?:\.(\d+))?%?$/.exec(text.trim());
  if (!match) return { ok: false, error: "Enter a percent such as 16 or 8.875." };
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.length > 3) return { ok: false, error: "A percent has at most 3 decimals." };
  const value = BigInt(whole) * PERCENT_SCALE + BigInt(fraction.padEnd(3, "0"));
  if (sign && value !== 0n) return { ok: false, error: "A percent cannot be negative." };
  if (!options.allowOver100 && value > HUNDRED_PERCENT) return { ok: false, error: "A percent cannot be more than 100." };
  return { ok: true, value };
}

/** Like safeParsePercent, but throws a RangeError with the message. */
export function parsePercent(text: string, options: PercentOptions = {}): bigint {
  const result = safeParsePercent(text, options);
  if (!result.ok) throw new RangeError(`${result.error} (got "${text}")`);
  return result.value;
}

/** 8875n → "8.875", 16000n → "16", 500n → "0.5": for display and for numeric columns. */
export function percentToDecimalString(percentThousandths: bigint): string {
  const negative = percentThousandths < 0n;
  const abs = negative ? -percentThousandths : percentThousandths;
  const fraction = (abs % PERCENT_SCALE).toString().padStart(3, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${abs / PERCENT_SCALE}${fraction ? `.${fraction}` : ""}`;
}

/** amount × percent, rounded half away from zero to a whole minor unit. */
export function applyPercent(amountMinor: bigint, percentThousandths: bigint): bigint {
  return roundHalfAwayFromZero(amountMinor * percentThousandths, HUNDRED_PERCENT);
}

/**
 * Splits total into parts proportional to weights; the parts always sum exactly to total.
 * Largest-remainder method: each part gets the floor of its exact share (by magnitude), then the
 * units left over go one each to the largest remainders, ties to the earliest part. So every part
 * is within 1 of its exact share and a zero weight gets nothing. All-zero weights split evenly.
 * A negative total is split as its magnitude and negated, so it mirrors the positive case.
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) {
    if (total === 0n) return [];
    throw new RangeError("Cannot allocate a non-zero total over no parts.");
  }
  if (weights.some((weight) => weight < 0n)) throw new RangeError("Allocation weights cannot be negative.");
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) return splitEvenly(total, weights.length);

  const magnitude = total < 0n ? -total : total;
  const parts = weights.map((weight) => (magnitude * weight) / weightSum);
  const remainders = weights.map((weight) => (magnitude * weight) % weightSum);
  let left = magnitude - parts.reduce((sum, part) => sum + part, 0n);
  const order = weights
    .map((_, index) => index)
    .sort((a, b) => {
      const ra = remainders[a] ?? 0n;
      const rb = remainders[b] ?? 0n;
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
  for (const index of order) {
    if (left === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return total < 0n ? parts.map((part) => -part) : parts;
}

/** total split into n parts that differ by at most 1, the larger ones first; sums exactly to total. */
export function splitEvenly(total: bigint, n: number): bigint[] {
  if (!Number.isSafeInteger(n) || n <= 0) {
    if (n === 0 && total === 0n) return [];
    throw new RangeError(`Cannot split into ${n} parts.`);
  }
  const count = BigInt(n);
  const magnitude = total < 0n ? -total : total;
  const base = magnitude / count;
  const extra = Number(magnitude % count); // < n, so a safe number
  const sign = total < 0n ? -1n : 1n;
  return Array.from({ length: n }, (_, index) => sign * (index < extra ? base + 1n : base));
}

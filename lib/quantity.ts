/**
 * Quantities are exact decimals with up to 4 places, held as a scaled integer: quantity × 10,000
 * as a bigint ("1.5" → 15000n). Never a float, so 0.1 × 3 is exactly 0.3.
 */
import type { ParsedValue } from "@/lib/money";

export const QUANTITY_DECIMALS = 4;
export const QUANTITY_SCALE = 10_000n;

export type QuantityOptions = { allowNegative?: boolean };

/** "1.5" → 15000n, "1,000" → 10000000n; refuses junk, more than 4 decimals, and negatives unless allowed. */
export function safeParseQuantity(text: string, options: QuantityOptions = {}): ParsedValue {
  const cleaned = text.trim().replace(/[,\s_]/g, "");
  const match = /^(-)?(\d+)(?:\.(\d*))?$|^(-)?\.(\d+)$/.exec(cleaned);
  if (!match) return { ok: false, error: "Enter a quantity such as 1, 2.5 or 0.25." };
  const sign = match[1] ?? match[4];
  const whole = match[2] ?? "0";
  const fraction = match[3] ?? match[5] ?? "";
  if (fraction.length > QUANTITY_DECIMALS) return { ok: false, error: `A quantity has at most ${QUANTITY_DECIMALS} decimals.` };
  const magnitude = BigInt(whole) * QUANTITY_SCALE + BigInt(fraction.padEnd(QUANTITY_DECIMALS, "0"));
  if (sign && magnitude !== 0n && !options.allowNegative) return { ok: false, error: "A quantity cannot be negative." };
  return { ok: true, value: sign ? -magnitude : magnitude };
}

/** Like safeParseQuantity, but throws a RangeError with the message. */
export function parseQuantity(text: string, options: QuantityOptions = {}): bigint {
  const result = safeParseQuantity(text, options);
  if (!result.ok) throw new RangeError(`${result.error} (got "${text}")`);
  return result.value;
}

/** 15000n → "1.5", 20000n → "2", 1n → "0.0001": plain text with trailing zeros trimmed. */
export function formatQuantity(scaled: bigint): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const fraction = (abs % QUANTITY_SCALE).toString().padStart(QUANTITY_DECIMALS, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${abs / QUANTITY_SCALE}${fraction ? `.${fraction}` : ""}`;
}

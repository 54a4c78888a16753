import { PERCENT_SCALE, percentToDecimalString, safeParsePercent } from "@/lib/money";

export const PERCENT_MESSAGE = "Enter a percent from 0 to 100 with at most 3 decimals, such as 16 or 8.875.";

/**
 * A percent typed by a person as the exact decimal string stored in numeric(6,3): "8.875" →
 * "8.875", "16" → "16.000". Parsed by lib/money.ts (text only: a float would turn 8.875 into
 * 8.87499…). Null when it is not a percent from 0 to 100 with at most 3 decimals.
 */
export function toStoredPercent(text: string): string | null {
  const parsed = safeParsePercent(text);
  if (!parsed.ok) return null;
  const whole = parsed.value / PERCENT_SCALE;
  const fraction = (parsed.value % PERCENT_SCALE).toString().padStart(3, "0");
  return `${whole}.${fraction}`;
}

/** "16.000" → "16", "8.500" → "8.5": for display. */
export function formatPercent(stored: string): string {
  const parsed = safeParsePercent(stored);
  return parsed.ok ? percentToDecimalString(parsed.value) : stored;
}

import { minorToDecimalString, parseMoney } from "@/lib/money";
import type { AllocationSuggestion } from "@/lib/payments/record";

/** Text as typed → minor units, or null while it is not (yet) an amount. */
export function typedMinor(text: string | undefined, currency: string): bigint | null {
  if (!text || text.trim() === "") return null;
  const parsed = parseMoney(text, currency);
  return parsed.ok ? parsed.minor : null;
}

/** The running "allocated / unallocated" line under the table; unallocated < 0 means over-allocated. */
export function allocationTotals(amount: string, rows: readonly { amount: string }[] | undefined, currency: string) {
  const allocated = (rows ?? []).reduce((sum, row) => sum + (typedMinor(row.amount, currency) ?? 0n), 0n);
  const payment = typedMinor(amount, currency) ?? 0n;
  return { payment, allocated, unallocated: payment - allocated };
}

/** The form rows for a set of suggestions: the suggested amount, or blank where nothing is suggested. */
export function suggestionRows(suggestions: readonly AllocationSuggestion[], currency: string) {
  return suggestions.map((row) => ({ invoiceId: row.invoiceId, amount: row.suggested > 0n ? minorToDecimalString(row.suggested, currency) : "" }));
}

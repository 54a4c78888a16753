import { creditLineAmounts } from "@/lib/credit-notes/amounts";
import type { CreditableLine } from "@/lib/credit-notes/queries";
import { roundHalfAwayFromZero } from "@/lib/money";
import { safeParseQuantity } from "@/lib/quantity";

/**
 * The exact total a credit note will have, before it is issued. Earlier notes on a line took the
 * rounded share of its figures for the quantity credited so far (lib/credit-notes/amounts.ts), so
 * that share can be recomputed here from the credited quantity alone.
 */
export function creditTotal(line: CreditableLine, quantity: bigint): bigint {
  if (quantity <= 0n || quantity > line.remainingQuantity) return 0n;
  const share = (figure: bigint) => roundHalfAwayFromZero(figure * line.creditedQuantity, line.quantity);
  const credited = { quantity: line.creditedQuantity, net: share(line.taxable), tax: share(line.tax) };
  return creditLineAmounts(line, credited, quantity).total;
}

/** Quantity as typed → scaled quantity, or null while it is blank or not a usable number. */
export function typedQuantity(text: string | undefined): bigint | null {
  if (!text || text.trim() === "") return null;
  const parsed = safeParseQuantity(text);
  return parsed.ok ? parsed.value : null;
}

/** The note's total for the whole remaining invoice, or for the quantities typed per line. */
export function previewTotal(lines: readonly CreditableLine[], scope: "all" | "lines", typed: readonly { quantity: string }[] | undefined): bigint {
  return lines.reduce((sum, line, index) => {
    const quantity = scope === "all" ? line.remainingQuantity : (typedQuantity(typed?.[index]?.quantity) ?? 0n);
    return sum + creditTotal(line, quantity);
  }, 0n);
}

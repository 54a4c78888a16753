import { roundHalfAwayFromZero } from "@/lib/money";

/** The stored figures of an invoice line that a credit note takes a share of. */
export type CreditableLine = {
  /** scaled × 10,000 */
  quantity: bigint;
  /** what was charged before tax: the line's taxable amount (net after the document discount) */
  taxable: bigint;
  tax: bigint;
};

/** What earlier credit notes already took from the line. */
export type CreditedSoFar = { quantity: bigint; net: bigint; tax: bigint };

export type CreditLineAmounts = { net: bigint; tax: bigint; total: bigint };

export const NOTHING_CREDITED: CreditedSoFar = { quantity: 0n, net: 0n, tax: 0n };

/**
 * The figures for crediting `quantity` more of a line. Each is the proportional share of the line
 * figure for everything credited so far plus this quantity (rounded half away from zero) minus what
 * earlier notes took: so crediting the whole remaining quantity takes exactly the remainder, and
 * notes that together credit the whole line sum to it exactly. total = net + tax, like the line.
 */
export function creditLineAmounts(line: CreditableLine, credited: CreditedSoFar, quantity: bigint): CreditLineAmounts {
  const remaining = line.quantity - credited.quantity;
  if (quantity <= 0n) throw new RangeError("A credited quantity must be more than 0.");
  if (quantity > remaining) throw new RangeError(`Only ${remaining} (×10⁻⁴) of the line is left to credit.`);
  const upTo = credited.quantity + quantity;
  const share = (figure: bigint) => roundHalfAwayFromZero(figure * upTo, line.quantity);
  const net = share(line.taxable) - credited.net;
  const tax = share(line.tax) - credited.tax;
  return { net, tax, total: net + tax };
}

import type { Db } from "@/db";
import { allocateNumbers } from "@/lib/numbering/allocate";

export const CUSTOMER_SERIES = "customer";

export function formatCustomerNumber(sequence: number): string {
  return `CUST-${String(sequence).padStart(4, "0")}`;
}

/** `count` consecutive customer numbers, taken under the counter's row lock in `tx`. */
export async function nextCustomerNumbers(tx: Db, count: number): Promise<string[]> {
  const first = await allocateNumbers(tx, CUSTOMER_SERIES, count);
  return Array.from({ length: count }, (_, i) => formatCustomerNumber(first + i));
}

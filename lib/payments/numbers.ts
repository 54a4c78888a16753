import type { Db } from "@/db";
import { allocateNumbers } from "@/lib/numbering/allocate";
import { formatDocumentNumber } from "@/lib/settings/number-format";

export const PAYMENT_SERIES = "payment";
export const PAYMENT_NUMBER_FORMAT = "PAY-{YYYY}-{SEQ:5}";

/** The next PAY-2026-00001, from the payment series (restarts each year), under its counter lock in `tx`. */
export async function nextPaymentNumber(tx: Db, now = new Date()): Promise<string> {
  const seq = await allocateNumbers(tx, PAYMENT_SERIES, 1, String(now.getUTCFullYear()));
  return formatDocumentNumber(PAYMENT_NUMBER_FORMAT, { date: now, seq });
}

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

export const RECEIPT_SERIES = "receipt";
export const RECEIPT_NUMBER_FORMAT = "REC-{YYYY}-{SEQ:5}";

/** The next REC-2026-00001: receipts have their own series, given when a payment succeeds. */
export async function nextReceiptNumber(tx: Db, now = new Date()): Promise<string> {
  const seq = await allocateNumbers(tx, RECEIPT_SERIES, 1, String(now.getUTCFullYear()));
  return formatDocumentNumber(RECEIPT_NUMBER_FORMAT, { date: now, seq });
}

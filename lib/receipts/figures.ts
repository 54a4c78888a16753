import type { ReceiptFigures } from "@/emails/receipt";
import { formatMoney } from "@/lib/money";
import { formatPdfDate } from "@/lib/pdf/format";
import { pdfFilename } from "@/lib/pdf/http";
import { receiptMethod, receiptReference } from "@/lib/pdf/receipt-model";
import type { ReceiptData } from "./receipt-data";

/** A receipt's figures as the emails print them. */
export function receiptFigures(data: ReceiptData): ReceiptFigures {
  const { payment } = data;
  const money = (minor: bigint) => formatMoney(minor, payment.currency);
  return {
    receiptNumber: payment.receiptNumber ?? payment.number,
    amount: money(payment.amount),
    date: formatPdfDate(payment.receivedOn),
    method: receiptMethod(payment),
    reference: receiptReference(payment),
    invoices: data.applied.map((line) => ({ invoiceNumber: line.invoiceNumber, applied: money(line.applied), stillDue: money(line.amountDue) })),
    keptAsCredit: data.keptAsCredit > 0n ? money(data.keptAsCredit) : null,
  };
}

/** "REC-2026-00012.pdf", the same name as the staff download. */
export function receiptFilename(payment: ReceiptData["payment"]): string {
  return pdfFilename({ id: payment.id, number: payment.receiptNumber });
}

import type { Payment } from "@/db/schema";
import { formatMoney } from "@/lib/money";
import { PAYMENT_METHOD_LABELS } from "@/lib/payments/schemas";
import type { ReceiptData } from "@/lib/receipts/receipt-data";
import { formatPdfDate } from "./format";
import type { HeaderMeta } from "./header";
import type { TableColumn, TableRow } from "./lines-table";
import { columnWidths } from "./styles";
import type { TotalsRow } from "./summary";
import type { PdfCompany } from "./types";

/** Everything one receipt PDF needs: the payment as loaded and the issuer. */
export type ReceiptPdfData = { receipt: ReceiptData; company: PdfCompany };

const GATEWAY_LABELS = { stripe: "Stripe", paypal: "PayPal" } as const;

/** "Card (Stripe)", "PayPal", "Bank transfer". */
export function receiptMethod(payment: Pick<Payment, "method" | "gateway">): string {
  const method = PAYMENT_METHOD_LABELS[payment.method];
  const gateway = payment.gateway ? GATEWAY_LABELS[payment.gateway] : null;
  return gateway && gateway !== method ? `${method} (${gateway})` : method;
}

/** What the payer can quote back: their own reference, else the gateway's id. */
export function receiptReference(payment: Pick<Payment, "reference" | "gatewayPaymentId">): string | null {
  return payment.reference?.trim() || payment.gatewayPaymentId || null;
}

export const receiptColumns: TableColumn[] = [
  { key: "applied", title: "Amount", numeric: true, width: columnWidths.amount + 12 },
  { key: "due", title: "Still due", numeric: true, width: columnWidths.amount + 12 },
];

export function receiptRows({ payment, applied }: ReceiptData): TableRow[] {
  const money = (minor: bigint) => formatMoney(minor, payment.currency);
  return applied.map((line) => ({
    description: `Invoice ${line.invoiceNumber}`,
    detail: line.amountDue === 0n ? "Paid in full" : null,
    cells: { applied: money(line.applied), due: money(line.amountDue) },
  }));
}

export function receiptTotals({ payment, keptAsCredit, creditBalance }: ReceiptData): TotalsRow[] {
  const money = (minor: bigint) => formatMoney(minor, payment.currency);
  return [
    { label: "Amount paid", value: money(payment.amount), kind: "total" },
    ...(keptAsCredit > 0n ? [{ label: "Kept as credit", value: money(keptAsCredit) }] : []),
    { label: "Your credit balance", value: money(creditBalance), kind: "due" as const },
  ];
}

export function receiptMeta({ payment }: ReceiptData): HeaderMeta[] {
  const reference = receiptReference(payment);
  return [
    { label: "Date", value: formatPdfDate(payment.receivedOn) },
    { label: "Payment", value: payment.number },
    { label: "Method", value: receiptMethod(payment) },
    ...(reference ? [{ label: "Reference", value: reference }] : []),
    { label: "Amount", value: formatMoney(payment.amount, payment.currency) },
  ];
}

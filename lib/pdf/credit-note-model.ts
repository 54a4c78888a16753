import type { InvoiceTemplate } from "@/db/schema/invoice-templates";
import type { CreditNoteDetail } from "@/lib/credit-notes/queries";
import { formatMoney } from "@/lib/money";
import { formatQuantity } from "@/lib/quantity";
import { formatPdfDate } from "./format";
import type { HeaderMeta } from "./header";
import type { TableColumn, TableRow } from "./lines-table";
import { columnWidths } from "./styles";
import type { TotalsRow } from "./summary";
import type { PdfCompany } from "./types";

/** Everything one credit note PDF needs: the read model, the issuer, the credited invoice's template. */
export type CreditNotePdfData = {
  detail: CreditNoteDetail;
  company: PdfCompany;
  template: InvoiceTemplate | null;
};

export const creditNoteColumns: TableColumn[] = [
  { key: "quantity", title: "Qty", numeric: true, width: columnWidths.quantity },
  { key: "unit", title: "Unit", numeric: false, width: columnWidths.unit },
  { key: "net", title: "Net", numeric: true, width: columnWidths.amount },
  { key: "tax", title: "Tax", numeric: true, width: columnWidths.unit_price },
  { key: "total", title: "Total", numeric: true, width: columnWidths.amount },
];

export function creditNoteRows(detail: CreditNoteDetail): TableRow[] {
  const money = (minor: bigint) => formatMoney(minor, detail.creditNote.currency);
  return [...detail.lines]
    .sort((a, b) => a.position - b.position)
    .map((line) => ({
      description: line.description,
      detail: line.taxNames.length ? line.taxNames.join(", ") : null,
      cells: { quantity: formatQuantity(line.quantity), unit: line.unit ?? "", net: money(line.net), tax: money(line.tax), total: money(line.total) },
    }));
}

/** The credit, then where it went: the invoices it reduced, refunds, and what is left as credit. */
export function creditNoteTotals(detail: CreditNoteDetail): TotalsRow[] {
  const { creditNote } = detail;
  const money = (minor: bigint) => formatMoney(minor, creditNote.currency);
  const refunded = detail.refunds.reduce((sum, refund) => sum + refund.amount, 0n);
  return [
    { label: "Subtotal", value: money(creditNote.subtotal) },
    { label: "Tax", value: money(creditNote.taxTotal) },
    { label: "Total credited", value: money(creditNote.total), kind: "total" },
    ...detail.applied.map((row) => ({ label: `Applied to ${row.invoiceNumber}`, value: money(-row.amount) })),
    ...(refunded > 0n ? [{ label: "Refunded", value: money(-refunded) }] : []),
    { label: "Remaining credit", value: money(detail.remaining), kind: "due" as const },
  ];
}

export function creditNoteMeta(detail: CreditNoteDetail): HeaderMeta[] {
  return [
    { label: "Issue date", value: formatPdfDate(detail.creditNote.issueDate) },
    { label: "Invoice", value: detail.invoice.number },
    { label: "Invoice date", value: formatPdfDate(detail.invoice.issueDate) },
    { label: "Credited", value: formatMoney(detail.creditNote.total, detail.creditNote.currency) },
  ];
}

import type { TemplateColumn } from "@/db/schema/invoice-templates";
import type { InvoiceDetail } from "@/lib/invoices/detail-types";
import { STATUS_LABELS } from "@/lib/invoices/status";
import { formatMoney, percentToDecimalString } from "@/lib/money";
import { formatQuantity } from "@/lib/quantity";
import { formatPdfDate, taxLabel } from "./format";
import type { HeaderMeta } from "./header";
import type { TableColumn, TableRow } from "./lines-table";
import type { NoteBlock } from "./notes";
import { statusColor } from "./look";
import { columnWidths } from "./styles";
import type { TaxSummaryRow, TotalsRow } from "./summary";
import type { PdfLook } from "./types";

/**
 * What the invoice PDF prints, worked out from the read model: plain strings, so the layout
 * components only place text and tests can check the wording without a PDF.
 */

const OPTIONAL_COLUMNS: { key: TemplateColumn; title: string; numeric: boolean }[] = [
  { key: "quantity", title: "Qty", numeric: true },
  { key: "unit", title: "Unit", numeric: false },
  { key: "unit_price", title: "Unit price", numeric: true },
  { key: "discount", title: "Discount", numeric: true },
  { key: "tax", title: "Tax", numeric: false },
];

/** The optional columns the template shows, in a fixed order, then the amount (always shown). */
export function invoiceColumns(look: PdfLook): TableColumn[] {
  const optional = OPTIONAL_COLUMNS.filter((column) => look.columns.has(column.key)).map((column) => ({ ...column, width: columnWidths[column.key] }));
  return [...optional, { key: "amount", title: "Amount", numeric: true, width: columnWidths.amount }];
}

/** Each line as text: the amount is the line net (after its own discount, before tax). */
export function invoiceRows(detail: InvoiceDetail): TableRow[] {
  const currency = detail.invoice.currency;
  return [...detail.lines]
    .sort((a, b) => a.position - b.position)
    .map((line) => ({
      description: line.description,
      cells: {
        quantity: formatQuantity(line.quantity),
        unit: line.unit ?? "",
        unit_price: formatMoney(line.unitPrice, currency),
        discount: line.discountPercent > 0 ? `${percentToDecimalString(BigInt(line.discountPercent))}%` : "",
        // one tax a line, so "VAT 16%" never breaks in the middle
        tax: line.taxes.map(taxLabel).join("\n"),
        amount: formatMoney(line.net, currency),
      },
    }));
}

export function invoiceTaxRows(detail: InvoiceDetail): TaxSummaryRow[] {
  const currency = detail.invoice.currency;
  return detail.taxBreakdown.map((row) => ({
    label: `${taxLabel(row)}${row.compound ? " (compound)" : ""}`,
    taxable: formatMoney(row.taxable, currency),
    amount: formatMoney(row.amount, currency),
  }));
}

function discountLabel(detail: InvoiceDetail): string {
  const { discountKind, discountValue } = detail.invoice;
  return discountKind === "percent" && discountValue !== null ? `Discount (${percentToDecimalString(discountValue)}%)` : "Discount";
}

/** Subtotal, discount, tax, total, then what has been paid or credited and what is left. */
export function invoiceTotals(detail: InvoiceDetail): TotalsRow[] {
  const { invoice } = detail;
  const money = (minor: bigint) => formatMoney(minor, invoice.currency);
  const rows: TotalsRow[] = [{ label: "Subtotal", value: money(invoice.subtotal) }];
  if (invoice.discountTotal > 0n) rows.push({ label: discountLabel(detail), value: money(-invoice.discountTotal) });
  rows.push({ label: "Tax", value: money(invoice.taxTotal) });
  rows.push({ label: "Total", value: money(invoice.total), kind: "total" });
  if (invoice.amountPaid > 0n) rows.push({ label: "Amount paid", value: money(-invoice.amountPaid) });
  if (invoice.amountCredited > 0n) rows.push({ label: "Amount credited", value: money(-invoice.amountCredited) });
  rows.push({ label: "Amount due", value: money(invoice.amountDue), kind: "due" });
  return rows;
}

/** The number, or DRAFT: a draft has no number yet (invariant 2). */
export function invoiceReference(detail: InvoiceDetail): string {
  return detail.invoice.number ?? "DRAFT";
}

export function invoiceMeta(detail: InvoiceDetail): HeaderMeta[] {
  const { invoice } = detail;
  return [
    { label: "Issue date", value: formatPdfDate(invoice.issueDate) },
    { label: "Due date", value: formatPdfDate(invoice.dueDate) },
    ...(invoice.poNumber ? [{ label: "PO number", value: invoice.poNumber }] : []),
    { label: "Amount due", value: formatMoney(invoice.amountDue, invoice.currency) },
  ];
}

export function invoiceStatus(detail: InvoiceDetail, look: PdfLook): { label: string; color: string } {
  return { label: STATUS_LABELS[detail.displayStatus], color: statusColor(detail.displayStatus, look.accentColor) };
}

export function invoiceNotes(detail: InvoiceDetail): NoteBlock[] {
  const { invoice } = detail;
  return [
    ...(invoice.status === "void" ? [{ heading: "Void", text: invoice.voidReason ?? "This invoice was voided." }] : []),
    { heading: "Notes", text: invoice.notes },
    { heading: "Terms", text: invoice.terms },
    { heading: null, text: invoice.footer },
  ];
}

/** Payment instructions and the QR code only while money is still asked for. */
export function isPayable(detail: InvoiceDetail): boolean {
  const { status, amountDue } = detail.invoice;
  return status !== "void" && status !== "paid" && amountDue > 0n;
}

/** Big letters across each page of an invoice that is not (or no longer) a demand for payment. */
export function invoiceWatermark(detail: InvoiceDetail): string | null {
  if (detail.invoice.status === "draft") return "DRAFT";
  if (detail.invoice.status === "void") return "VOID";
  return null;
}

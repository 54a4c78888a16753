import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, creditNoteLines, creditNotes, customers, invoiceLineTaxes, invoiceLines, invoices, refunds, type CreditNote, type CreditNoteLine, type Refund } from "@/db/schema";
import { isUuid } from "@/lib/customers/detail";
import { invoiceCustomerColumns } from "@/lib/invoices/detail";
import type { InvoiceCustomer } from "@/lib/invoices/detail-types";
import { loadInvoiceLines } from "@/lib/invoices/stored";
import { NOTHING_CREDITED } from "./amounts";
import { creditedByLine } from "./credited";

export type CreditableLine = {
  id: string;
  position: number;
  description: string;
  unit: string | null;
  /** scaled × 10,000 */
  quantity: bigint;
  creditedQuantity: bigint;
  remainingQuantity: bigint;
  taxable: bigint;
  tax: bigint;
  total: bigint;
};

/** The invoice's lines with how much of each is still uncredited: what the credit-note form offers. */
export async function creditableLines(db: Db, invoiceId: string): Promise<CreditableLine[]> {
  const [lines, credited] = await Promise.all([loadInvoiceLines(db, invoiceId), creditedByLine(db, invoiceId)]);
  return lines.map((line) => {
    const creditedQuantity = (credited.get(line.id) ?? NOTHING_CREDITED).quantity;
    return {
      id: line.id,
      position: line.position,
      description: line.description,
      unit: line.unit,
      quantity: line.quantity,
      creditedQuantity,
      remainingQuantity: line.quantity - creditedQuantity,
      taxable: line.taxable,
      tax: line.tax,
      total: line.total,
    };
  });
}

export type CreditNoteDetailLine = CreditNoteLine & { unit: string | null; taxNames: string[] };

export type CreditNoteDetail = {
  creditNote: CreditNote;
  invoice: { id: string; number: string; issueDate: string; total: bigint };
  customer: InvoiceCustomer;
  lines: CreditNoteDetailLine[];
  /** where its money went: the invoice it credits, and any invoice its credit was applied to later */
  applied: { invoiceId: string; invoiceNumber: string; amount: bigint }[];
  refunds: Refund[];
  /** still available as customer credit */
  remaining: bigint;
};

/** One credit note with what its PDF and email show; null when unknown or malformed. */
export async function getCreditNoteDetail(db: Db, id: string): Promise<CreditNoteDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      creditNote: creditNotes,
      invoice: { id: invoices.id, number: invoices.number, issueDate: invoices.issueDate, total: invoices.total },
      customer: invoiceCustomerColumns,
    })
    .from(creditNotes)
    .innerJoin(invoices, eq(invoices.id, creditNotes.invoiceId))
    .innerJoin(customers, eq(customers.id, creditNotes.customerId))
    .where(eq(creditNotes.id, id));
  if (!row) return null;

  const [lines, applied, refundRows] = await Promise.all([
    db
      .select({ line: creditNoteLines, unit: invoiceLines.unit })
      .from(creditNoteLines)
      .innerJoin(invoiceLines, eq(invoiceLines.id, creditNoteLines.invoiceLineId))
      .where(eq(creditNoteLines.creditNoteId, id))
      .orderBy(asc(creditNoteLines.position)),
    db
      .select({ invoiceId: allocations.invoiceId, invoiceNumber: invoices.number, amount: allocations.amount })
      .from(allocations)
      .innerJoin(invoices, eq(invoices.id, allocations.invoiceId))
      .where(eq(allocations.creditNoteId, id))
      .orderBy(asc(allocations.createdAt), asc(allocations.id)),
    db.select().from(refunds).where(eq(refunds.creditNoteId, id)).orderBy(asc(refunds.createdAt)),
  ]);
  const lineIds = lines.map(({ line }) => line.invoiceLineId);
  const taxes = lineIds.length
    ? await db
        .select({ lineId: invoiceLineTaxes.lineId, name: invoiceLineTaxes.name })
        .from(invoiceLineTaxes)
        .where(inArray(invoiceLineTaxes.lineId, lineIds))
        .orderBy(asc(invoiceLineTaxes.compound), asc(invoiceLineTaxes.name))
    : [];

  const spent = [...applied.map((a) => a.amount), ...refundRows.map((r) => r.amount)].reduce((sum, amount) => sum + amount, 0n);
  return {
    creditNote: row.creditNote,
    invoice: { ...row.invoice, number: row.invoice.number ?? "" },
    customer: row.customer,
    lines: lines.map(({ line, unit }) => ({
      ...line,
      unit,
      taxNames: taxes.filter((tax) => tax.lineId === line.invoiceLineId).map((tax) => tax.name),
    })),
    applied: applied.map((a) => ({ ...a, invoiceNumber: a.invoiceNumber ?? "" })),
    refunds: refundRows,
    remaining: row.creditNote.total - spent,
  };
}

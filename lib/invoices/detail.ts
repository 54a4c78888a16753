import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { allocations, creditNotes, customers, invoices, invoiceTemplates, payments, type InvoiceTemplate } from "@/db/schema";
import { isUuid } from "@/lib/customers/detail";
import { todayIso } from "./dates";
import type { InvoiceAllocationRow, InvoiceCustomer, InvoiceDetail, InvoiceDetailLine, InvoiceTaxBreakdownRow } from "./detail-types";
import { displayStatus } from "./status";
import { loadInvoiceLines } from "./stored";

export { getInvoiceActivity, type InvoiceActivityItem } from "./activity";

/** The customer as a document shows it (InvoiceCustomer): select these with customers joined. */
export const invoiceCustomerColumns = {
  id: customers.id,
  number: customers.number,
  displayName: customers.displayName,
  email: customers.email,
  secondaryEmail: customers.secondaryEmail,
  billingStreet: customers.billingStreet,
  billingCity: customers.billingCity,
  billingRegion: customers.billingRegion,
  billingPostalCode: customers.billingPostalCode,
  billingCountry: customers.billingCountry,
  taxId: customers.taxId,
  currency: customers.currency,
} satisfies Record<keyof InvoiceCustomer, unknown>;

/**
 * One live invoice with everything its readers show (detail-types.ts); null when unknown,
 * malformed or deleted. `today` (yyyy-mm-dd) decides "overdue". The customer is read even if
 * deleted since: the invoice still names who it was for.
 */
export async function getInvoiceDetail(db: Db, id: string, today: string = todayIso()): Promise<InvoiceDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ invoice: invoices, customer: invoiceCustomerColumns })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(and(eq(invoices.id, id), isNull(invoices.deletedAt)));
  if (!row) return null;
  const { invoice } = row;
  const [lines, template, allocationRows, creditNoteRows] = await Promise.all([
    loadInvoiceLines(db, id),
    templateFor(db, invoice.templateId),
    loadAllocations(db, id),
    db
      .select({ id: creditNotes.id, number: creditNotes.number, issueDate: creditNotes.issueDate, reason: creditNotes.reason, total: creditNotes.total })
      .from(creditNotes)
      .where(eq(creditNotes.invoiceId, id))
      .orderBy(asc(creditNotes.issueDate), asc(creditNotes.number)),
  ]);
  return {
    invoice,
    displayStatus: displayStatus(invoice, today),
    customer: row.customer satisfies InvoiceCustomer,
    lines,
    taxBreakdown: taxBreakdown(lines),
    template,
    allocations: allocationRows,
    creditNotes: creditNoteRows,
  };
}

/** The invoice's own template (even if deleted since: it is what the invoice was made with), else the default. */
async function templateFor(db: Db, templateId: string | null): Promise<InvoiceTemplate | null> {
  const where = templateId ? eq(invoiceTemplates.id, templateId) : and(eq(invoiceTemplates.isDefault, true), isNull(invoiceTemplates.deletedAt));
  const [template] = await db.select().from(invoiceTemplates).where(where).limit(1);
  return template ?? null;
}

async function loadAllocations(db: Db, invoiceId: string): Promise<InvoiceAllocationRow[]> {
  const rows = await db
    .select({
      id: allocations.id,
      paymentId: allocations.paymentId,
      paymentNumber: payments.number,
      creditNoteId: allocations.creditNoteId,
      creditNoteNumber: creditNotes.number,
      amount: allocations.amount,
      createdAt: allocations.createdAt,
      reversalOfId: allocations.reversalOfId,
    })
    .from(allocations)
    .leftJoin(payments, eq(payments.id, allocations.paymentId))
    .leftJoin(creditNotes, eq(creditNotes.id, allocations.creditNoteId))
    .where(eq(allocations.invoiceId, invoiceId))
    .orderBy(asc(allocations.createdAt), asc(allocations.id));
  return rows.map((row) => ({
    id: row.id,
    kind: row.paymentId ? "payment" : "credit_note",
    sourceId: row.paymentId ?? row.creditNoteId ?? "",
    sourceNumber: row.paymentNumber ?? row.creditNoteNumber ?? "",
    amount: row.amount,
    createdAt: row.createdAt,
    isReversal: row.reversalOfId !== null,
  }));
}

/**
 * Per tax rate, summed from the stored line taxes in first-use order. The base of a normal tax is
 * the line's taxable amount; a compound tax's adds the line's non-compound taxes (calculate.ts).
 */
export function taxBreakdown(lines: readonly InvoiceDetailLine[]): InvoiceTaxBreakdownRow[] {
  const rows = new Map<string, InvoiceTaxBreakdownRow>();
  for (const line of lines) {
    const compoundBase = line.taxable + line.taxes.filter((tax) => !tax.compound).reduce((sum, tax) => sum + tax.amount, 0n);
    for (const tax of line.taxes) {
      const base = tax.compound ? compoundBase : line.taxable;
      const row = rows.get(tax.taxRateId);
      if (row) {
        row.taxable += base;
        row.amount += tax.amount;
      } else {
        rows.set(tax.taxRateId, { taxRateId: tax.taxRateId, name: tax.name, percent: tax.percent, compound: tax.compound, taxable: base, amount: tax.amount });
      }
    }
  }
  return [...rows.values()];
}

import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { invoiceLines, invoiceLineTaxes, type NewInvoice } from "@/db/schema";
import type { CalculatedLine, DocumentDiscountInput } from "./calculate-types";
import type { CheckedDraft } from "./draft-checks";
import type { InvoiceDraftInput } from "./schemas";

/** The document discount as the invoice row stores it: its kind, and the percent or the amount. */
export function discountColumns(discount: DocumentDiscountInput | null | undefined) {
  return {
    discountKind: discount?.kind ?? null,
    discountValue: discount ? (discount.kind === "percent" ? discount.percent : discount.amount) : null,
  } satisfies Partial<NewInvoice>;
}

/** A calculated line's figures as its invoice_lines row stores them (its taxes get rows of their own). */
export function lineFigureColumns(figures: CalculatedLine) {
  return {
    gross: figures.gross,
    discount: figures.discount,
    net: figures.net,
    documentDiscount: figures.documentDiscount,
    taxable: figures.taxable,
    tax: figures.tax,
    total: figures.total,
  };
}

/**
 * The invoice columns a draft save sets. Totals follow calculate.ts: subtotal = Σ line net (after
 * line discounts), discountTotal = the document discount only, so subtotal − discountTotal +
 * taxTotal = total. Nothing is paid or credited on a draft, and the balance check
 * (amount_due = total − credited − paid) holds at all times, so amountDue = total.
 */
export function draftColumns(input: InvoiceDraftInput, { customer, calc }: CheckedDraft) {
  return {
    customerId: customer.id,
    templateId: input.templateId,
    currency: input.currency,
    issueDate: input.issueDate,
    dueDate: input.dueDate,
    poNumber: input.poNumber,
    ...discountColumns(input.discount),
    notes: input.notes,
    terms: input.terms,
    footer: input.footer,
    subtotal: calc.subtotal,
    discountTotal: calc.documentDiscount,
    taxTotal: calc.tax,
    total: calc.total,
    amountPaid: 0n,
    amountCredited: 0n,
    amountDue: calc.total,
  } satisfies Partial<NewInvoice>;
}

/**
 * Replaces the draft's lines (positions 0..n−1) with the calculated figures, and each line's taxes
 * with the rate's name, percent and compound flag copied, so a later edit of the rate changes nothing.
 */
export async function replaceLines(tx: Db, invoiceId: string, input: InvoiceDraftInput, { rates, calc }: CheckedDraft): Promise<void> {
  // line taxes go with their lines (on delete cascade)
  await tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));
  if (input.lines.length === 0) return;
  const inserted = await tx
    .insert(invoiceLines)
    .values(
      input.lines.map((line, position) => {
        const figures = calc.lines[position];
        if (!figures) throw new Error(`no calculated figures for line ${position}`);
        return {
          invoiceId,
          position,
          productId: line.productId,
          description: line.description.trim(),
          unit: line.unit,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          discountPercent: Number(line.discountPercent),
          ...lineFigureColumns(figures),
        };
      }),
    )
    .returning({ id: invoiceLines.id, position: invoiceLines.position });

  const taxes = inserted.flatMap(({ id: lineId, position }) =>
    (calc.lines[position]?.taxes ?? []).map((tax) => {
      const rate = rates.get(tax.id);
      if (!rate) throw new Error(`tax rate ${tax.id} was calculated but is missing`);
      return { lineId, taxRateId: rate.id, name: rate.name, percent: rate.percent, compound: rate.compound, amount: tax.amount };
    }),
  );
  if (taxes.length) await tx.insert(invoiceLineTaxes).values(taxes);
}

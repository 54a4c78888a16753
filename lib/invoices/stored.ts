import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { invoiceLines, invoiceLineTaxes, type Invoice, type InvoiceLineTax } from "@/db/schema";
import { parsePercent } from "@/lib/money";
import { calculateInvoice, type InvoiceCalculation } from "./calculate";
import type { InvoiceDetailLine } from "./detail-types";

/**
 * An invoice's stored lines in position order, each with its taxes. The table keeps no order for
 * a line's taxes, so they read non-compound first, then by name: stable, and the order they apply in.
 */
export async function loadInvoiceLines(db: Db, invoiceId: string): Promise<InvoiceDetailLine[]> {
  const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
  if (lines.length === 0) return [];
  const taxes = await db
    .select()
    .from(invoiceLineTaxes)
    .where(
      inArray(
        invoiceLineTaxes.lineId,
        lines.map((line) => line.id),
      ),
    )
    .orderBy(asc(invoiceLineTaxes.compound), asc(invoiceLineTaxes.name), asc(invoiceLineTaxes.id));
  const byLine = new Map<string, InvoiceLineTax[]>();
  for (const tax of taxes) byLine.set(tax.lineId, [...(byLine.get(tax.lineId) ?? []), tax]);
  return lines.map((line) => ({ ...line, taxes: byLine.get(line.id) ?? [] }));
}

/** The calculation again from what is stored (quantities, prices, copied rates, document discount). */
export function recalculateStored(invoice: Invoice, lines: readonly InvoiceDetailLine[]): InvoiceCalculation {
  const discount =
    invoice.discountKind === "percent" && invoice.discountValue !== null
      ? { kind: "percent" as const, percent: invoice.discountValue }
      : invoice.discountKind === "fixed" && invoice.discountValue !== null
        ? { kind: "fixed" as const, amount: invoice.discountValue }
        : undefined;
  return calculateInvoice({
    currency: invoice.currency,
    discount,
    lines: lines.map((line) => ({
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discountPercent: BigInt(line.discountPercent),
      taxes: line.taxes.map((tax) => ({ id: tax.taxRateId, name: tax.name, percent: parsePercent(tax.percent), compound: tax.compound })),
    })),
  });
}

/** True when every stored line figure, line tax and invoice total is what the calculation gives. */
export function storedFiguresMatch(invoice: Invoice, lines: readonly InvoiceDetailLine[]): boolean {
  const calc = recalculateStored(invoice, lines);
  const linesMatch = lines.every((line, i) => {
    const figures = calc.lines[i];
    if (!figures) return false;
    const keys = ["gross", "discount", "net", "documentDiscount", "taxable", "tax", "total"] as const;
    const taxesMatch = line.taxes.every((tax) => figures.taxes.find((entry) => entry.id === tax.taxRateId)?.amount === tax.amount);
    return taxesMatch && keys.every((key) => line[key] === figures[key]);
  });
  return (
    linesMatch &&
    invoice.subtotal === calc.subtotal &&
    invoice.discountTotal === calc.documentDiscount &&
    invoice.taxTotal === calc.tax &&
    invoice.total === calc.total
  );
}

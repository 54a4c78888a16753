import { minorToDecimalString } from "@/lib/money";
import { NO_TAX_RATE, type ProductFormValues } from "@/lib/products/schemas";
import type { ProductListRow } from "@/lib/products/queries";

/** A stored product → the text its form shows (the price as a plain decimal, never through a float). */
export function productToFormValues(row: ProductListRow): ProductFormValues {
  return {
    name: row.name,
    sku: row.sku ?? "",
    description: row.description ?? "",
    unit: row.unit ?? "",
    unitPrice: minorToDecimalString(row.unitPrice, row.currency),
    currency: row.currency,
    defaultTaxRateId: row.defaultTaxRateId ?? NO_TAX_RATE,
  };
}

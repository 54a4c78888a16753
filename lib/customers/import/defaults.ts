import type { Db } from "@/db";
import { companySettings } from "@/db/schema";
import type { ImportDefaults } from "./rows";

/** Blank currency / payment terms / language cells take the company's defaults (and English). */
export async function getImportDefaults(db: Db): Promise<ImportDefaults> {
  const [row] = await db
    .select({ currency: companySettings.defaultCurrency, paymentTerms: companySettings.defaultPaymentTerms })
    .from(companySettings)
    .limit(1);
  return { currency: row?.currency ?? "USD", paymentTerms: row?.paymentTerms ?? 30, language: "en" };
}

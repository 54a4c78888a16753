import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { invoiceTemplates, type InvoiceTemplate } from "@/db/schema";

/** Live templates: the default first, then by name. */
export function listTemplates(db: Db): Promise<InvoiceTemplate[]> {
  return db
    .select()
    .from(invoiceTemplates)
    .where(isNull(invoiceTemplates.deletedAt))
    .orderBy(desc(invoiceTemplates.isDefault), asc(invoiceTemplates.name), asc(invoiceTemplates.id));
}

/** The template new invoices start from, or null when none is marked default. */
export async function getDefaultTemplate(db: Db): Promise<InvoiceTemplate | null> {
  const [row] = await db
    .select()
    .from(invoiceTemplates)
    .where(and(eq(invoiceTemplates.isDefault, true), isNull(invoiceTemplates.deletedAt)))
    .limit(1);
  return row ?? null;
}

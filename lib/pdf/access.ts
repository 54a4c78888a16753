import type { Db } from "@/db";
import { findInvoiceByPublicToken } from "@/lib/invoices/public-link";

/**
 * Whether a public link token opens this very invoice's PDF: the token must resolve (signed, not
 * revoked, not a draft, not deleted) to the id in the URL, so one link never opens another invoice.
 */
export async function publicTokenOpens(db: Db, token: string | null, invoiceId: string): Promise<boolean> {
  if (!token) return false;
  const invoice = await findInvoiceByPublicToken(db, token);
  return invoice !== null && invoice.id === invoiceId;
}

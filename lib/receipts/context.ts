import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { companySettings, invoices, users, type Role } from "@/db/schema";
import { env } from "@/lib/env";
import { publicPathFor } from "@/lib/invoices/public-link";

/** The name emails are signed with: the company's legal name, else the product's. */
export async function companyName(db: Db): Promise<string> {
  const [company] = await db.select({ name: companySettings.legalName }).from(companySettings).limit(1);
  return company?.name || "CleanPay";
}

/** Staff who get notices: the given roles, not deactivated, one address each (oldest account first). */
export async function staffRecipients(db: Db, roles: readonly Role[]): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.role, [...roles]), isNull(users.deactivatedAt)))
    .orderBy(asc(users.createdAt), asc(users.email));
  return [...new Set(rows.map((row) => row.email))];
}

/** An absolute link into the app (emails cannot use relative ones). */
export function appLink(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

/** The public page of an invoice, for a customer email; null when there is none to show. */
export async function invoicePublicUrl(db: Db, invoiceId: string | null): Promise<string | null> {
  if (!invoiceId) return null;
  const [invoice] = await db
    .select({ id: invoices.id, publicLinkNonce: invoices.publicLinkNonce, status: invoices.status })
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), isNull(invoices.deletedAt)));
  // a draft's link does not open
  if (!invoice || invoice.status === "draft") return null;
  return appLink(publicPathFor(invoice));
}

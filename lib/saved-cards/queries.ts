import { and, asc, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { invoices, paymentMethods } from "@/db/schema";

export type SavedCardView = { id: string; brand: string; last4: string; expMonth: number | null; expYear: number | null; isDefault: boolean };

/** The customer's cards saved through Stripe, default first; never the pm_ token. */
export async function listSavedCards(db: Db, customerId: string): Promise<SavedCardView[]> {
  const rows = await db
    .select({
      id: paymentMethods.id,
      brand: paymentMethods.cardBrand,
      last4: paymentMethods.cardLast4,
      expMonth: paymentMethods.cardExpMonth,
      expYear: paymentMethods.cardExpYear,
      isDefault: paymentMethods.isDefault,
    })
    .from(paymentMethods)
    .where(and(eq(paymentMethods.customerId, customerId), eq(paymentMethods.kind, "stripe_card"), eq(paymentMethods.gateway, "stripe"), isNull(paymentMethods.deletedAt)))
    .orderBy(desc(paymentMethods.isDefault), asc(paymentMethods.createdAt));
  return rows.map((row) => ({ ...row, brand: row.brand ?? "card", last4: row.last4 ?? "····" }));
}

export type ChargeableInvoice = { id: string; number: string | null; currency: string; amountDue: string };

/** Open invoices of the customer with something due: what "charge saved card" can pay. */
export async function listChargeableInvoices(db: Db, customerId: string): Promise<ChargeableInvoice[]> {
  const rows = await db
    .select({ id: invoices.id, number: invoices.number, currency: invoices.currency, amountDue: invoices.amountDue })
    .from(invoices)
    .where(and(eq(invoices.customerId, customerId), isNull(invoices.deletedAt), inArray(invoices.status, ["finalized", "sent", "viewed", "partial"]), gt(invoices.amountDue, 0n)))
    .orderBy(asc(invoices.dueDate));
  return rows.map((row) => ({ ...row, amountDue: row.amountDue.toString() }));
}

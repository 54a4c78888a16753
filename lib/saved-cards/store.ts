import { and, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { paymentMethods } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { lockCustomer } from "@/lib/customers/commands";

export interface StripeCardDetails {
  /** pm_… : the only thing that can charge the card, never shown */
  gatewayToken: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

/**
 * Saves a card Stripe collected (Checkout in setup mode) as the customer's payment method, once
 * per pm_ id however often the setup webhook arrives. The customer row is locked first, so the
 * first card becomes the default exactly when the customer had none.
 */
export async function storeStripeCard(tx: Db, customerId: string, card: StripeCardDetails, actor: Actor): Promise<"applied" | "ignored"> {
  const customer = await lockCustomer(tx, customerId);
  const live = and(eq(paymentMethods.customerId, customer.id), isNull(paymentMethods.deletedAt));
  const [defaults] = await tx
    .select({ n: count() })
    .from(paymentMethods)
    .where(and(live, eq(paymentMethods.isDefault, true)));
  const [row] = await tx
    .insert(paymentMethods)
    .values({
      customerId: customer.id,
      kind: "stripe_card",
      label: `${card.brand} ending ${card.last4}`,
      cardBrand: card.brand,
      cardLast4: card.last4,
      cardExpMonth: card.expMonth,
      cardExpYear: card.expYear,
      gateway: "stripe",
      gatewayToken: card.gatewayToken,
      isDefault: (defaults?.n ?? 0) === 0,
      verifiedAt: new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: paymentMethods.id, isDefault: paymentMethods.isDefault });
  if (!row) return "ignored";
  await writeAudit(tx, actor, {
    action: "payment_method.card_saved",
    entityType: "payment_method",
    entityId: row.id,
    after: { customerId: customer.id, kind: "stripe_card", cardBrand: card.brand, cardLast4: card.last4, expMonth: card.expMonth, expYear: card.expYear, isDefault: row.isDefault },
  });
  return "applied";
}

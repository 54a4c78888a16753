import { eq } from "drizzle-orm";
import { z } from "zod";
import { customers } from "@/db/schema";
import { stripeClient } from "@/lib/gateways/stripe/client";
import { storeStripeCard } from "@/lib/saved-cards/store";
import { STRIPE_ACTOR, type StripeApplyContext } from "./stripe-context";
import { idOf, setupIntentSchema, type StripeCheckoutSession } from "./stripe-objects";

/** checkout.session.completed in setup mode: the card the customer saved becomes a payment method of theirs. */
export async function storeSavedCardFromSession(ctx: StripeApplyContext, session: StripeCheckoutSession): Promise<void> {
  const setupIntentId = idOf(session.setup_intent);
  if (!setupIntentId) throw new Error(`Setup session ${session.id} has no SetupIntent.`);
  const customerId = await ourCustomer(ctx, session.metadata?.customer_id, idOf(session.customer));
  if (!customerId) return ctx.effects.ignore();

  const intent = setupIntentSchema.parse(await stripeClient().setupIntents.retrieve(setupIntentId, { expand: ["payment_method"] }));
  const method = intent.payment_method;
  if (!method || typeof method === "string" || !method.card) throw new Error(`SetupIntent ${intent.id} has no card payment method.`);
  const card = method.card;
  const outcome = await storeStripeCard(
    ctx.tx,
    customerId,
    { gatewayToken: method.id, brand: card.brand, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year },
    STRIPE_ACTOR,
  );
  if (outcome === "ignored") ctx.effects.ignore();
}

/** Our customer id from the session's metadata, else by the Stripe Customer we created for them. */
async function ourCustomer(ctx: StripeApplyContext, metadataId: string | undefined, stripeCustomerId: string | null): Promise<string | null> {
  if (metadataId && z.uuid().safeParse(metadataId).success) {
    const [row] = await ctx.tx.select({ id: customers.id }).from(customers).where(eq(customers.id, metadataId));
    if (row) return row.id;
    throw new Error(`Setup session names customer ${metadataId}, which we do not have.`);
  }
  if (!stripeCustomerId) return null;
  const [row] = await ctx.tx.select({ id: customers.id }).from(customers).where(eq(customers.stripeCustomerId, stripeCustomerId));
  return row?.id ?? null;
}

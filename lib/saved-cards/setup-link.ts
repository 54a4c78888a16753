import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db";
import { customers, type Customer } from "@/db/schema";
import CardSetupEmail from "@/emails/card-setup";
import { writeAudit, type Actor } from "@/lib/audit";
import { deliverEmail, queueEmail } from "@/lib/email/send";
import { transportFromEnv } from "@/lib/email/transport";
import { UserError } from "@/lib/errors";
import { stripeClient, stripeConfigured } from "@/lib/gateways/stripe/client";
import { getCompanySettings } from "@/lib/settings/queries";

const UNAVAILABLE = "Stripe is not reachable right now; no link was sent. Try again in a minute.";

async function activeCustomer(db: Db, customerId: string): Promise<Customer> {
  const [customer] = await db.select().from(customers).where(and(eq(customers.id, customerId), isNull(customers.deletedAt)));
  if (!customer) throw new UserError("That customer no longer exists.");
  return customer;
}

/**
 * The customer's Stripe Customer (cus_…), created on first use. The idempotency key is our
 * customer's id, so a retry or two staff clicking at once get the same one.
 */
export async function ensureStripeCustomer(db: Db, customer: Customer, actor: Actor): Promise<string> {
  if (customer.stripeCustomerId) return customer.stripeCustomerId;
  const created = await stripeClient().customers.create(
    { email: customer.email ?? undefined, name: customer.displayName, metadata: { customer_id: customer.id } },
    { idempotencyKey: `customer_${customer.id}` },
  );
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(customers)
      .set({ stripeCustomerId: created.id })
      .where(and(eq(customers.id, customer.id), isNull(customers.stripeCustomerId)))
      .returning({ id: customers.stripeCustomerId });
    if (!updated) {
      const [current] = await tx.select({ id: customers.stripeCustomerId }).from(customers).where(eq(customers.id, customer.id));
      return current?.id ?? created.id;
    }
    await writeAudit(tx, actor, { action: "customer.stripe_customer_created", entityType: "customer", entityId: customer.id, after: { stripeCustomerId: created.id } });
    return created.id;
  });
}

/**
 * Staff "send card setup link": a Checkout Session in setup mode for the customer's Stripe
 * Customer, emailed to them. The card arrives by webhook (checkout.session.completed, mode setup).
 */
export async function createCardSetupLink(db: Db, customerId: string, appUrl: string, actor: Actor): Promise<{ url: string; emailId: string }> {
  if (!stripeConfigured()) throw new UserError("Card payments are not set up (no Stripe key).");
  const customer = await activeCustomer(db, customerId);
  const email = customer.email;
  if (!email) throw new UserError("This customer has no email address to send the link to.");
  const base = appUrl.replace(/\/+$/, "");
  let url: string;
  try {
    const stripeCustomerId = await ensureStripeCustomer(db, customer, actor);
    const metadata = { customer_id: customer.id };
    const session = await stripeClient().checkout.sessions.create(
      {
        mode: "setup",
        customer: stripeCustomerId,
        allowed_payment_method_types: ["card"],
        metadata,
        setup_intent_data: { metadata },
        success_url: `${base}/api/pay/stripe/card-saved`,
        cancel_url: `${base}/api/pay/stripe/card-setup-cancelled`,
      },
      // no row of ours backs a setup link: one key per request still makes the SDK's retries safe
      { idempotencyKey: `card_setup_${customer.id}_${randomUUID()}` },
    );
    if (!session.url) throw new Error(`Setup session ${session.id} has no URL`);
    url = session.url;
  } catch (error) {
    console.error("Stripe card setup link failed", error);
    throw new UserError(UNAVAILABLE);
  }

  const settings = await getCompanySettings(db);
  const companyName = settings?.legalName ?? "CleanPay";
  const transport = transportFromEnv();
  const emailId = await db.transaction(async (tx) => {
    const id = await queueEmail(
      tx,
      {
        template: "card-setup",
        to: [email],
        subject: `Save a card for payments to ${companyName}`,
        body: createElement(CardSetupEmail, { customerName: customer.displayName, companyName, setupUrl: url }),
        entityType: "customer",
        entityId: customer.id,
      },
      transport,
    );
    await writeAudit(tx, actor, { action: "customer.card_setup_link_sent", entityType: "customer", entityId: customer.id, after: { to: email, emailId: id } });
    return id;
  });
  await deliverEmail(db, emailId, transport);
  return { url, emailId };
}

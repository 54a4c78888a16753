import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers, emailMessages, paymentMethods, payments, refunds, webhookEvents } from "@/db/schema";
import { stripeRefundCall } from "@/lib/gateways/stripe/refund";
import { issueRefund } from "@/lib/refunds/issue";
import { setAutopay } from "@/lib/saved-cards/autopay";
import { chargeSavedCard } from "@/lib/saved-cards/charge";
import { listSavedCards } from "@/lib/saved-cards/queries";
import { createCardSetupLink } from "@/lib/saved-cards/setup-link";
import { createTestDatabase } from "../helpers/db";
import { insertStaffActor, readInvoice } from "../helpers/invoice-rows";
import { APP_URL, createStripeTestbed, startStripeForTests } from "../helpers/stripe";

const fake = await startStripeForTests();
const { db } = await createTestDatabase();
const bed = await createStripeTestbed(db, fake);
const staff = await insertStaffActor(db);

/** A customer with an invoice and a card saved through the emailed setup link (its webhook sent twice). */
async function customerWithCard(total: bigint) {
  const { invoice } = await bed.invoiceFor(total, { email: "cards@example.com" });
  const { url } = await createCardSetupLink(db, invoice.customerId, APP_URL, staff);
  const sessionId = [...fake.sessions.values()].find((session) => session.url === url)?.id;
  if (!sessionId) throw new Error("no setup session");
  const { events } = await fake.pay(sessionId);
  for (const event of [...events, ...events]) expect((await bed.deliver(event)).status).toBe(200);
  const [card] = await listSavedCards(db, invoice.customerId);
  if (!card) throw new Error("no card saved");
  return { invoice, card };
}

describe("saved cards", () => {
  it("emails a setup link and saves the card once, as the default, with brand, last4 and expiry only", async () => {
    const { invoice, card } = await customerWithCard(40_00n);
    const [customer] = await db.select().from(customers).where(eq(customers.id, invoice.customerId));
    expect(customer?.stripeCustomerId).toMatch(/^cus_/);
    const mails = await db.select().from(emailMessages).where(and(eq(emailMessages.entityId, invoice.customerId), eq(emailMessages.template, "card-setup")));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.toAddresses).toEqual(["cards@example.com"]);
    const rows = await db.select().from(paymentMethods).where(eq(paymentMethods.customerId, invoice.customerId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "stripe_card", gateway: "stripe", cardBrand: "visa", cardLast4: "4242", isDefault: true });
    expect(rows[0]?.gatewayToken).toMatch(/^pm_/);
    expect(card).not.toHaveProperty("gatewayToken");
  });

  it("charges the saved card off-session once, settles at once, and the later webhook changes nothing", async () => {
    const { invoice, card } = await customerWithCard(90_00n);
    const result = await chargeSavedCard(db, { invoiceId: invoice.id, paymentMethodId: card.id }, staff);
    expect(result.status).toBe("succeeded");
    const create = fake.calls.filter((call) => call.method === "POST" && call.path === "/v1/payment_intents").at(-1);
    expect(create?.idempotencyKey).toBe(`charge_${result.payment.id}`);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountDue: 0n });
    await fake.flush();
    const late = [...fake.events.values()].filter((event) => event.type === "payment_intent.succeeded" && JSON.stringify(event.data.object).includes(result.payment.id));
    expect(late).toHaveLength(1);
    for (const event of late) expect((await bed.deliver(event)).body.result).toBe("processed");
    const [lateRow] = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, late[0]?.id ?? ""));
    expect(lateRow?.outcome).toBe("ignored");
    expect(await bed.allocationsOf(invoice.id)).toHaveLength(1);
    expect(await bed.receiptsFor(result.payment.id)).toHaveLength(1);

    // a staff refund through Stripe, then Stripe's charge.refunded: recorded once
    const refund = await issueRefund(db, { paymentId: result.payment.id, amount: 25_00n, reason: "Goodwill" }, staff, () => stripeRefundCall);
    expect(refund.status).toBe("succeeded");
    await fake.flush();
    const refundedEvents = [...fake.events.values()].filter((event) => event.type === "charge.refunded" && JSON.stringify(event.data.object).includes(refund.gatewayRefundId ?? "none"));
    for (const event of refundedEvents) expect((await bed.deliver(event)).status).toBe(200);
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, result.payment.id))).toHaveLength(1);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ amountPaid: 65_00n, amountDue: 25_00n });
  });

  it("fails the payment with Stripe's message when the card is declined", async () => {
    const { invoice, card } = await customerWithCard(30_00n);
    const [method] = await db.select().from(paymentMethods).where(eq(paymentMethods.id, card.id));
    fake.declineCard(method?.gatewayToken ?? "");
    await expect(chargeSavedCard(db, { invoiceId: invoice.id, paymentMethodId: card.id }, staff)).rejects.toThrow(/declined/);
    const [payment] = await db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(payment).toMatchObject({ status: "failed", origin: "saved_card" });
    expect(payment?.failureReason).toMatch(/declined/);
    expect((await readInvoice(db, invoice.id)).amountPaid).toBe(0n);
  });

  it("turns autopay on only for a customer with a saved card", async () => {
    const { invoice } = await bed.invoiceFor(10_00n);
    await expect(setAutopay(db, invoice.customerId, true, staff)).rejects.toThrow(/Save a card/);
    const withCard = await customerWithCard(10_00n);
    expect(await setAutopay(db, withCard.invoice.customerId, true, staff)).toBe(true);
    const [customer] = await db.select({ autopay: customers.autopay }).from(customers).where(eq(customers.id, withCard.invoice.customerId));
    expect(customer?.autopay).toBe(true);
  });
});

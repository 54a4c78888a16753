import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments } from "@/db/schema";
import { CARD_UNAVAILABLE, startStripeCheckout } from "@/lib/gateways/stripe/checkout";
import { stripeClient } from "@/lib/gateways/stripe/client";
import { createTestDatabase } from "../helpers/db";
import { readInvoice } from "../helpers/invoice-rows";
import { APP_URL, createStripeTestbed, startStripeForTests } from "../helpers/stripe";

const fake = await startStripeForTests();
const { db } = await createTestDatabase();
const bed = await createStripeTestbed(db, fake);

const sessionCreates = () => fake.calls.filter((call) => call.method === "POST" && call.path === "/v1/checkout/sessions");

describe("Stripe checkout: create", () => {
  it("creates a pending payment, then one session linked to it by id, metadata and idempotency key", async () => {
    const { invoice, token } = await bed.invoiceFor(150_00n);
    const { url } = await startStripeCheckout(db, { token, amount: 150_00n }, APP_URL);
    const [payment] = await bed.paymentsOf(invoice.id);
    expect(payment).toMatchObject({ status: "pending", origin: "customer", method: "card", gateway: "stripe", amount: 150_00n });
    const session = await bed.sessionOf(payment?.id ?? "");
    expect(url).toBe(session.url);
    expect(session).toMatchObject({ mode: "payment", client_reference_id: payment?.id, amount_total: 150_00, currency: "usd" });
    expect(session.metadata).toMatchObject({ payment_id: payment?.id, invoice_id: invoice.id });
    expect(session.success_url).toBe(`${APP_URL}/i/${token}/paid?session_id={CHECKOUT_SESSION_ID}`);
    expect(sessionCreates().at(-1)?.idempotencyKey).toBe(`checkout_${payment?.id}`);
  });

  it("still makes exactly one session, one pending payment and one charge when the first create answers 500 after doing the work", async () => {
    const { invoice, token } = await bed.invoiceFor(70_00n);
    const sessionsBefore = fake.sessions.size;
    const callsBefore = sessionCreates().length;
    fake.failNext("POST /v1/checkout/sessions", "error-after", 1);
    await startStripeCheckout(db, { token, amount: 70_00n }, APP_URL);

    const calls = sessionCreates().slice(callsBefore);
    expect(calls.map((call) => call.status)).toEqual([500, 200]);
    expect(new Set(calls.map((call) => call.idempotencyKey)).size).toBe(1);
    expect(fake.sessions.size).toBe(sessionsBefore + 1);
    const rows = await bed.paymentsOf(invoice.id);
    expect(rows).toHaveLength(1);

    const session = await bed.sessionOf(rows[0]?.id ?? "");
    const { events } = await fake.pay(session.id);
    await bed.deliverUntilAccepted(events);
    const charges = [...fake.charges.values()].filter((charge) => charge.payment_intent === fake.sessions.get(session.id)?.payment_intent);
    expect(charges).toHaveLength(1);
    expect((await bed.paymentsOf(invoice.id)).map((row) => row.status)).toEqual(["succeeded"]);
    expect((await readInvoice(db, invoice.id)).status).toBe("paid");
  });

  it("ends the pending payment quietly when the customer lets the checkout expire", async () => {
    const { invoice, token } = await bed.invoiceFor(33_00n);
    await startStripeCheckout(db, { token, amount: 33_00n }, APP_URL);
    const [pending] = await bed.paymentsOf(invoice.id);
    const session = await bed.sessionOf(pending?.id ?? "");
    await stripeClient().checkout.sessions.expire(session.id);
    const expired = [...fake.events.values()].filter((event) => event.type === "checkout.session.expired");
    expect(expired).toHaveLength(1);
    await bed.deliverUntilAccepted(expired);
    await bed.deliverUntilAccepted(expired);
    const [row] = await bed.paymentsOf(invoice.id);
    expect(row).toMatchObject({ status: "failed", failureReason: "The checkout expired before the customer paid." });
    expect((await readInvoice(db, invoice.id)).amountDue).toBe(33_00n);
  });

  it("fails the pending payment and says nothing was charged when Stripe keeps failing", async () => {
    const { invoice, token } = await bed.invoiceFor(20_00n);
    fake.failNext("POST /v1/checkout/sessions", "error-before", 3);
    await expect(startStripeCheckout(db, { token, amount: 20_00n }, APP_URL)).rejects.toThrow(CARD_UNAVAILABLE);
    const rows = await bed.paymentsOf(invoice.id);
    expect(rows.map((row) => row.status)).toEqual(["failed"]);
    expect((await readInvoice(db, invoice.id)).amountPaid).toBe(0n);
  });

  it("refuses a bad token, an amount above what is due, and an amount Stripe cannot take", async () => {
    const { token } = await bed.invoiceFor(10_00n);
    await expect(startStripeCheckout(db, { token: "x".repeat(54), amount: 10_00n }, APP_URL)).rejects.toMatchObject({ code: "link_invalid" });
    await expect(startStripeCheckout(db, { token, amount: 11_00n }, APP_URL)).rejects.toMatchObject({ code: "refused" });
    await expect(startStripeCheckout(db, { token, amount: 2n ** 60n }, APP_URL)).rejects.toThrow(/cannot be paid by card/);
  });
});

describe("Stripe checkout: two tabs", () => {
  it("tells the later tab the invoice is paid, and keeps a second payment already made as customer credit", async () => {
    const { invoice, token } = await bed.invoiceFor(60_00n);
    await startStripeCheckout(db, { token, amount: 60_00n }, APP_URL);
    await startStripeCheckout(db, { token, amount: 60_00n }, APP_URL);
    const [first, second] = await bed.paymentsOf(invoice.id);
    if (!first || !second) throw new Error("two pending payments expected");

    await bed.deliverUntilAccepted((await fake.pay((await bed.sessionOf(first.id)).id)).events);
    expect((await readInvoice(db, invoice.id)).status).toBe("paid");
    await expect(startStripeCheckout(db, { token, amount: 60_00n }, APP_URL)).rejects.toMatchObject({ code: "already_paid" });

    // the second tab had already reached Stripe's page and paid: the money stays with us as credit
    await bed.deliverUntilAccepted((await fake.pay((await bed.sessionOf(second.id)).id)).events);
    const rows = await db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(rows.map((row) => row.status).sort()).toEqual(["succeeded", "succeeded"]);
    const invoiceAfter = await readInvoice(db, invoice.id);
    expect(invoiceAfter).toMatchObject({ status: "paid", amountPaid: 60_00n, amountDue: 0n });
    expect(await bed.allocationsOf(invoice.id)).toHaveLength(1);
  });
});

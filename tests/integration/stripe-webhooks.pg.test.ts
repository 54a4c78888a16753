import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema";
import { startStripeCheckout } from "@/lib/gateways/stripe/checkout";
import { createTestDatabase } from "../helpers/db";
import { readInvoice } from "../helpers/invoice-rows";
import { APP_URL, createStripeTestbed, startStripeForTests } from "../helpers/stripe";

// Real concurrency (PostgreSQL only): Stripe's deliveries of one event racing each other.
const fake = await startStripeForTests();
const { db } = await createTestDatabase();
const bed = await createStripeTestbed(db, fake);

async function paidCheckout(total: bigint) {
  const { invoice, token } = await bed.invoiceFor(total);
  await startStripeCheckout(db, { token, amount: total }, APP_URL);
  const [payment] = await bed.paymentsOf(invoice.id);
  if (!payment) throw new Error("no pending payment");
  const { events } = await fake.pay((await bed.sessionOf(payment.id)).id);
  return { invoice, payment, events };
}

describe("Stripe webhook under concurrency", () => {
  it("gives one payment, one allocation and one receipt for the same event delivered 1,000 times, 100 at once", async () => {
    const { invoice, payment, events } = await paidCheckout(500_00n);
    const completed = events.find((event) => event.type === "checkout.session.completed");
    if (!completed) throw new Error("no completed event");
    const results: string[] = [];
    for (let wave = 0; wave < 10; wave += 1) {
      const answers = await Promise.all(Array.from({ length: 100 }, () => bed.deliver(completed)));
      results.push(...answers.map((answer) => `${answer.status}:${answer.body.result ?? answer.body.error}`));
    }
    expect(results).toHaveLength(1000);
    expect(results.filter((result) => result === "200:processed")).toHaveLength(1);
    expect(results.filter((result) => result === "200:duplicate")).toHaveLength(999);

    const rows = await bed.paymentsOf(invoice.id);
    expect(rows.map((row) => row.status)).toEqual(["succeeded"]);
    expect(await bed.allocationsOf(invoice.id)).toHaveLength(1);
    expect(await bed.receiptsFor(payment.id)).toHaveLength(1);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountPaid: 500_00n, amountDue: 0n });
    const eventRows = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, completed.id));
    expect(eventRows).toHaveLength(1);
  });

  it("settles once when the session and PaymentIntent events of one payment race, each sent 50 times at once", async () => {
    const { invoice, payment, events } = await paidCheckout(75_00n);
    const deliveries = Array.from({ length: 50 }, () => events).flat();
    const answers = await Promise.all(deliveries.map((event) => bed.deliver(event)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect((await bed.paymentsOf(invoice.id)).map((row) => row.status)).toEqual(["succeeded"]);
    expect(await bed.allocationsOf(invoice.id)).toHaveLength(1);
    expect(await bed.receiptsFor(payment.id)).toHaveLength(1);
  });
});

import { and, eq, inArray, isNull } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { allocations, emailMessages, payments, refunds, webhookEvents } from "@/db/schema";
import type { StripeEvent } from "../fakes/stripe";
import { readInvoice } from "../helpers/invoice-rows";
import { createStripeTestbed, startStripeForTests } from "../helpers/stripe";
import { inLanes, runSeed } from "./concurrency";
import { reliabilityDatabase } from "./database";
import { expectLedgerToHold } from "./ledger";
import { reliabilityScale } from "./scale";
import { deliverUntilAccepted, paidCheckout } from "./stripe";

// Many payments' events, each sent several times, all shuffled and delivered concurrently: a refund
// may arrive before the payment it refunds (answered 5xx, retried like Stripe), the PaymentIntent
// before its session, a duplicate before the original.
const scale = reliabilityScale();
const fake = await startStripeForTests();
const { db } = await reliabilityDatabase(scale);
const bed = await createStripeTestbed(db, fake);

/** Payment i: none, one partial or two refunds (the second the rest: fully refunded) made in Stripe's dashboard. */
const refundPlan = (i: number, amount: bigint): bigint[] => [[], [amount / 4n], [amount / 3n, amount - amount / 3n]][i % 3]!;

describe(`shuffled webhook delivery (${scale.name})`, () => {
  it(`applies the events of ${scale.shuffledPayments} payments once each, whatever order and however often they arrive`, async () => {
    const seed = runSeed("shuffled webhook delivery");
    const before = new Set(fake.events.keys());
    const made = await inLanes(scale.shuffledPayments, 4, async (i) => {
      const amount = BigInt(100_00 + 37 * i);
      const checkout = await paidCheckout(db, fake, bed, amount, `payer-${i}@shuffle.test`);
      for (const part of refundPlan(i, amount)) await fake.refundInDashboard(checkout.intentId, part);
      return { ...checkout, amount, refunded: refundPlan(i, amount) };
    });
    // every event the fake made for these payments: sessions, intents, charge.refunded, refund.created
    const events = [...fake.events.values()].filter((event) => !before.has(event.id));
    const deliveries: StripeEvent[] = Array.from({ length: scale.shuffledCopies }, () => events).flat();
    // the app logs each refused delivery; anything else it logs is a failure of its own
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((message: unknown) => void logged.push(String(message)));
    const { answers, rounds } = await deliverUntilAccepted(fake, deliveries, scale.stormConcurrency, seed).finally(() => spy.mockRestore());
    console.info(`shuffled webhook delivery: ${deliveries.length} deliveries of ${events.length} events, ${answers.length} posts in ${rounds} rounds`);

    // each event was processed by exactly one delivery; refusals (5xx) were only ever for refunds that came too early
    for (const event of events) {
      expect(answers.filter((answer) => answer.eventId === event.id && answer.result === "processed"), event.type).toHaveLength(1);
    }
    const refused = answers.filter((answer) => answer.status !== 200);
    for (const answer of refused) expect(events.find((event) => event.id === answer.eventId)?.type).toBe("charge.refunded");
    expect(logged.map((message) => message.replace(/evt_\w+/, "evt"))).toEqual(refused.map(() => "Stripe webhook evt (charge.refunded) failed"));
    const stored = await db.select().from(webhookEvents);
    expect(stored).toHaveLength(events.length);
    expect(stored.filter((row) => row.processedAt === null)).toEqual([]);

    for (const { invoice, payment, intentId, amount, refunded } of made) {
      const [row] = await db.select().from(payments).where(eq(payments.id, payment.id));
      expect(row).toMatchObject({ status: "succeeded", gatewayPaymentId: intentId, receiptNumber: expect.stringMatching(/^REC-/) });
      expect(await bed.paymentsOf(invoice.id)).toHaveLength(1);
      // one allocation set: the payment applied once, taken back once per refund
      const applied = await db.select().from(allocations).where(and(eq(allocations.paymentId, payment.id), isNull(allocations.refundId)));
      expect(applied.map((allocation) => allocation.amount)).toEqual([amount]);
      // refunds recorded once each, matching Stripe's own list for the charge
      const ours = await db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
      const charge = [...fake.charges.values()].find((candidate) => candidate.payment_intent === intentId);
      expect(ours.map((refund) => refund.gatewayRefundId).sort()).toEqual((charge?.refunds.data.map((refund) => refund.id) ?? []).sort());
      expect(ours.map((refund) => refund.amount).sort()).toEqual([...refunded].sort());
      for (const refund of ours) expect(refund).toMatchObject({ status: "succeeded", origin: "gateway" });
      const refundedTotal = refunded.reduce((sum, part) => sum + part, 0n);
      expect(BigInt(charge?.amount_refunded ?? -1)).toBe(refundedTotal);
      expect(await readInvoice(db, invoice.id)).toMatchObject({
        amountPaid: amount - refundedTotal,
        amountDue: refundedTotal,
        status: refundedTotal === 0n ? "paid" : refundedTotal === amount ? "sent" : "partial",
      });
      // one receipt, one refund notice per refund
      expect(await bed.receiptsFor(payment.id)).toHaveLength(1);
      const notices = ours.length === 0 ? [] : await db.select({ entityId: emailMessages.entityId }).from(emailMessages).where(and(eq(emailMessages.template, "refund"), inArray(emailMessages.entityId, ours.map((refund) => refund.id))));
      expect(notices.map((notice) => notice.entityId).sort()).toEqual(ours.map((refund) => refund.id).sort());
    }
    await expectLedgerToHold(db);
    // the log must not show an applied event as failing: a 5xx attempt that lost the race to a
    // duplicate writes its error after the duplicate cleared it (runLocked in lib/webhooks/events.ts)
    const stale = stored.filter((row) => row.processedAt !== null && row.error !== null).map((row) => `${row.type} ${row.eventId}: ${row.error}`);
    expect(stale, "processed webhook events still carrying an error").toEqual([]);
  });
});

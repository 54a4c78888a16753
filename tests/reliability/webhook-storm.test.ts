import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailMessages, webhookEvents } from "@/db/schema";
import { replayWebhookEvent } from "@/lib/webhooks/events";
import { readInvoice } from "../helpers/invoice-rows";
import { createStripeTestbed, startStripeForTests } from "../helpers/stripe";
import { inLanes } from "./concurrency";
import { reliabilityDatabase } from "./database";
import { expectLedgerToHold } from "./ledger";
import { reliabilityScale } from "./scale";
import { paidCheckout, postWebhook, type WebhookAnswer } from "./stripe";

// One event delivered over and over, many at once, through the real route handler: Stripe retries,
// a load balancer replays, an admin presses Replay meanwhile, and forged copies arrive in the mix.
const scale = reliabilityScale();
const fake = await startStripeForTests();
const { db } = await reliabilityDatabase(scale);
const bed = await createStripeTestbed(db, fake);

const REPLAYS = 10;

describe(`webhook storm (${scale.name})`, () => {
  it(`settles once when checkout.session.completed arrives ${scale.stormDeliveries} times, ${scale.stormConcurrency} at once`, async () => {
    const { invoice, payment, events } = await paidCheckout(db, fake, bed, 480_00n);
    const completed = events.find((event) => event.type === "checkout.session.completed");
    const succeeded = events.find((event) => event.type === "payment_intent.succeeded");
    if (!completed || !succeeded) throw new Error("the fake sent no completed / succeeded event");

    // the storm: every delivery of the session event, with its PaymentIntent twin and forged copies mixed in
    type Kind = "completed" | "intent" | "forged";
    const kinds: Kind[] = Array.from({ length: scale.stormDeliveries }, (_, i) => (i % 10 === 3 ? "intent" : i % 10 === 7 ? "forged" : "completed"));
    let firstProcessed: () => void = () => {};
    const processed = new Promise<void>((resolve) => (firstProcessed = resolve));
    // admin replays of the stored event, fired once the first delivery has applied it
    const replays = processed.then(async () => {
      const [row] = await db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.eventId, completed.id));
      if (!row) throw new Error("the applied event has no row");
      return Promise.all(Array.from({ length: REPLAYS }, () => replayWebhookEvent(db, row.id)));
    });
    const answers = await inLanes(kinds.length, scale.stormConcurrency, async (i): Promise<WebhookAnswer & { kind: Kind }> => {
      const kind = kinds[i]!;
      const answer = await postWebhook(fake, kind === "intent" ? succeeded : completed, { tamper: kind === "forged" });
      if (kind === "completed" && answer.result === "processed") firstProcessed();
      return { ...answer, kind };
    });
    firstProcessed(); // no-op when it already ran; otherwise the counts below say what went wrong
    expect(await replays).toEqual(Array.from({ length: REPLAYS }, () => "processed"));

    /** How many deliveries of one kind got each answer. */
    const tally = (kind: Kind) => {
      const counts: Record<string, number> = {};
      for (const { status, result } of answers.filter((answer) => answer.kind === kind)) counts[`${status}:${result}`] = (counts[`${status}:${result}`] ?? 0) + 1;
      return counts;
    };
    const total = (kind: Kind) => kinds.filter((candidate) => candidate === kind).length;
    // each genuine event is processed by exactly one delivery; every other copy is a 200 duplicate
    expect(tally("completed")).toEqual({ "200:processed": 1, "200:duplicate": total("completed") - 1 });
    expect(tally("intent")).toEqual({ "200:processed": 1, "200:duplicate": total("intent") - 1 });
    // a forged delivery is refused before anything is written
    expect(tally("forged")).toEqual({ "400:Invalid signature.": total("forged") });

    const rows = await bed.paymentsOf(invoice.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: payment.id, status: "succeeded", amount: 480_00n });
    expect(rows[0]?.receiptNumber).toMatch(/^REC-\d{4}-00001$/);
    expect(await bed.allocationsOf(invoice.id)).toMatchObject([{ paymentId: payment.id, amount: 480_00n }]);
    expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountPaid: 480_00n, amountDue: 0n });
    const receipts = await bed.receiptsFor(payment.id);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.status).toBe("sent");
    const settled = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "payment.succeed"), eq(auditLog.entityId, payment.id)));
    expect(settled[0]?.n).toBe(1);

    // two stored events, both processed without an error left behind; nothing from the forgeries
    const stored = await db.select().from(webhookEvents);
    expect(stored.map((row) => row.eventId).sort()).toEqual([completed.id, succeeded.id].sort());
    for (const row of stored) expect(row).toMatchObject({ error: null, processedAt: expect.any(Date) });
    const [mail] = await db.select({ n: count() }).from(emailMessages).where(eq(emailMessages.entityId, payment.id));
    expect(mail?.n).toBe(1);
    await expectLedgerToHold(db);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refunds } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { issueRefund, retryRefund } from "@/lib/refunds/issue";
import type { StripeEvent } from "../fakes/stripe";
import { insertStaffActor, readInvoice } from "../helpers/invoice-rows";
import { createStripeTestbed, startStripeForTests } from "../helpers/stripe";
import { captureConsoleErrors } from "./capture";
import { runSeed, shuffled } from "./concurrency";
import { reliabilityDatabase } from "./database";
import {
  abandonedAfter,
  chargeFor,
  expectRefundsMatchGateway,
  gatewayRefundsFor,
  retryPendingRefunds,
  settledCardPayments,
  viaStripe,
} from "./gateway";
import { expectLedgerToHold } from "./ledger";
import { reliabilityScale } from "./scale";
import { deliverUntilAccepted } from "./stripe";

// Refunds while the Stripe fake fails: 500s before or after the work during concurrent requests,
// and calls that never get an answer. A refund whose outcome is unknown stays pending (and keeps
// its amount reserved); retryRefund sends the same idempotency key (refund_<refund id>) again.
const scale = reliabilityScale();
const fake = await startStripeForTests();
const { db } = await reliabilityDatabase(scale);
const bed = await createStripeTestbed(db, fake);
const staff = await insertStaffActor(db);

const TARGET = "POST /v1/refunds";
const objectId = (event: StripeEvent) => ("id" in event.data.object && typeof event.data.object.id === "string" ? event.data.object.id : undefined);

describe(`refunds while the gateway fails (${scale.name})`, () => {
  it(`refunds ${scale.gatewayCalls} payments, four requests each, through 500s: never more than paid, one gateway refund per row`, async () => {
    const seed = runSeed("refund faults");
    const settled = await settledCardPayments(db, fake, bed, scale.gatewayCalls, 100_00n);
    // four requests of 30.00 on each 100.00 payment: the fourth must be refused, whatever fails meanwhile
    const requests = shuffled(settled.flatMap((payment) => Array.from({ length: 4 }, () => payment)), seed);
    // 3 refunds go to the gateway per payment, each tried 3 times by the SDK: the first two tries of
    // every refund fail before the work, and a third of the third tries too (those stay pending);
    // then the answers of some retries are lost after the work
    const sent = 3 * scale.gatewayCalls;
    fake.failNext(TARGET, "error-before", 2 * sent + scale.gatewayCalls);
    fake.failNext(TARGET, "error-after", scale.gatewayCalls);
    const errors = captureConsoleErrors();
    const outcomes = await Promise.allSettled(requests.map((payment) => issueRefund(db, { paymentId: payment.payment.id, amount: 30_00n, reason: "Race" }, staff, viaStripe))).finally(
      errors.restore,
    );
    const refused = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(refused).toHaveLength(settled.length);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(UserError);
      expect(String(reason)).toMatch(/Only \$10\.00 of PAY-\d{4}-\d{5} can still be refunded/);
    }
    for (const message of errors.logged) expect(message).toMatch(/^refund [0-9a-f-]+: gateway outcome unknown$/);
    const pendingNow = outcomes.filter((outcome) => outcome.status === "fulfilled" && outcome.value.status === "pending").length;
    expect(errors.logged).toHaveLength(pendingNow);
    expect(pendingNow).toBeGreaterThan(0);
    // pending (unknown outcome) still counts against what can be refunded
    await expectLedgerToHold(db);

    const rounds = await retryPendingRefunds(db, settled.map((payment) => payment.payment.id), staff);
    console.info(`refund faults: ${pendingNow} refunds left pending by the gateway, settled in ${rounds} retry rounds`);
    for (const { payment, invoice, intentId } of settled) {
      const ours = await expectRefundsMatchGateway(db, fake, payment.id, intentId);
      expect(ours.map((refund) => refund.amount)).toEqual([30_00n, 30_00n, 30_00n]);
      expect(await readInvoice(db, invoice.id)).toMatchObject({ amountPaid: 10_00n, amountDue: 90_00n, status: "partial" });
    }
    // Stripe's charge.refunded webhooks, each twice and shuffled, change nothing more
    const chargeIds = new Set(settled.map((payment) => chargeFor(fake, payment.intentId)?.id));
    const refundEvents = [...fake.events.values()].filter((event) => event.type === "charge.refunded" && chargeIds.has(objectId(event)));
    await deliverUntilAccepted(fake, [...refundEvents, ...refundEvents], scale.stormConcurrency, seed);
    const after = await db.select().from(refunds);
    expect(after).toHaveLength(settled.length * 3);
    for (const { payment, intentId } of settled) await expectRefundsMatchGateway(db, fake, payment.id, intentId);
    for (const refund of after) expect(refund).toMatchObject({ origin: "staff", status: "succeeded" });
    await expectLedgerToHold(db);
  });

  it("leaves a refund whose call never got an answer pending, and retries complete it once", async () => {
    const [first, second] = await settledCardPayments(db, fake, bed, 2, 80_00n);
    if (!first || !second) throw new Error("two payments expected");
    // the gateway refunds, then never answers; the caller gives up after a second
    const errors = captureConsoleErrors();
    fake.failNext(TARGET, "stall", 1);
    const stalled = await issueRefund(db, { paymentId: first.payment.id, amount: 80_00n, reason: "Stalled after" }, staff, abandonedAfter(1_000)).finally(errors.restore);
    expect(stalled.status).toBe("pending");
    expect(gatewayRefundsFor(fake, stalled.id)).toHaveLength(1);
    // still reserved: nothing more can be refunded from that payment meanwhile
    await expect(issueRefund(db, { paymentId: first.payment.id, amount: 1_00n, reason: "More" }, staff, viaStripe)).rejects.toThrow(/already fully refunded/);
    // the gateway never answers and does nothing
    fake.failNext(TARGET, "stall-before", 1);
    const lostErrors = captureConsoleErrors();
    const lost = await issueRefund(db, { paymentId: second.payment.id, amount: 50_00n, reason: "Stalled before" }, staff, abandonedAfter(1_000)).finally(lostErrors.restore);
    expect([...errors.logged, ...lostErrors.logged]).toEqual([`refund ${stalled.id}: gateway outcome unknown`, `refund ${lost.id}: gateway outcome unknown`]);
    expect(lost.status).toBe("pending");
    expect(gatewayRefundsFor(fake, lost.id)).toHaveLength(0);
    expect(fake.calls.filter((call) => call.idempotencyKey === `refund_${lost.id}`).map((call) => call.status)).toEqual([0]);

    // staff press Retry on both, five times each, at once
    const retries = await Promise.allSettled([stalled, lost].flatMap((refund) => Array.from({ length: 5 }, () => retryRefund(db, refund.id, staff, viaStripe))));
    for (const retry of retries) {
      if (retry.status === "fulfilled") expect(retry.value.status).toBe("succeeded");
      else expect(String(retry.reason)).toMatch(/is succeeded; there is nothing to retry/);
    }
    await expectRefundsMatchGateway(db, fake, first.payment.id, first.intentId);
    await expectRefundsMatchGateway(db, fake, second.payment.id, second.intentId);
    expect(await readInvoice(db, first.invoice.id)).toMatchObject({ amountPaid: 0n, amountDue: 80_00n });
    expect(await readInvoice(db, second.invoice.id)).toMatchObject({ amountPaid: 30_00n, amountDue: 50_00n, status: "partial" });
    expect(await db.select().from(refunds).where(eq(refunds.status, "pending"))).toEqual([]);
    await expectLedgerToHold(db);
  });
});

import { describe, expect, it } from "vitest";
import { issueRefund } from "@/lib/refunds/issue";
import { insertStaffActor, readInvoice } from "../helpers/invoice-rows";
import { createStripeTestbed, startStripeForTests } from "../helpers/stripe";
import { reliabilityDatabase } from "./database";
import { checkoutUntilStarted, expectOneCheckoutPerInvoice, expectRefundsMatchGateway, settledCardPayments, viaStripe } from "./gateway";
import { expectLedgerToHold } from "./ledger";
import { reliabilityScale } from "./scale";

// A gateway that does the work and never answers, met by the real SDK client (20 s timeout, two
// retries with the same idempotency key): the retry gets the stored answer, so a stalled call costs
// time but never a second session or a second refund. Both stalls run at once to share the wait.
const scale = reliabilityScale();
const fake = await startStripeForTests();
const { db } = await reliabilityDatabase(scale);
const bed = await createStripeTestbed(db, fake);
const staff = await insertStaffActor(db);

/** lib/gateways/stripe/client.ts: the SDK gives up on an unanswered call after this long. */
const SDK_TIMEOUT_MS = 20_000;

describe(`gateway stalling (${scale.name})`, () => {
  it("gets one checkout session and one refund when the gateway stalls after doing the work", async () => {
    const [paid] = await settledCardPayments(db, fake, bed, 1, 60_00n);
    if (!paid) throw new Error("no settled payment");
    const { invoice, token } = await bed.invoiceFor(70_00n);
    fake.failNext("POST /v1/checkout/sessions", "stall", 1);
    fake.failNext("POST /v1/refunds", "stall", 1);

    const started = performance.now();
    const [tries, refund] = await Promise.all([
      checkoutUntilStarted(db, token, 70_00n),
      issueRefund(db, { paymentId: paid.payment.id, amount: 60_00n, reason: "Stalled" }, staff, viaStripe),
    ]);
    // the stall was real: each call waited out the SDK's timeout, then its retry was answered
    expect(performance.now() - started).toBeGreaterThanOrEqual(SDK_TIMEOUT_MS - 500);
    expect(tries).toBe(1);
    for (const key of [`refund_${refund.id}`, `checkout_${(await bed.paymentsOf(invoice.id))[0]?.id}`]) {
      expect(fake.calls.filter((call) => call.idempotencyKey === key).map((call) => call.status)).toEqual([0, 200]);
    }

    const pending = await expectOneCheckoutPerInvoice(db, fake, bed, invoice.id, 1);
    expect(pending.status).toBe("pending");
    expect(refund.status).toBe("succeeded");
    await expectRefundsMatchGateway(db, fake, paid.payment.id, paid.intentId);
    expect(await readInvoice(db, paid.invoice.id)).toMatchObject({ amountPaid: 0n, amountDue: 60_00n });
    await expectLedgerToHold(db);
  });
});

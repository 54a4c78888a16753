import { describe, expect, it } from "vitest";
import type { StripeEvent } from "../fakes/stripe";
import { readInvoice } from "../helpers/invoice-rows";
import { createStripeTestbed, startStripeForTests } from "../helpers/stripe";
import { captureConsoleErrors } from "./capture";
import { inLanes } from "./concurrency";
import { reliabilityDatabase } from "./database";
import { checkoutUntilStarted, expectOneCheckoutPerInvoice } from "./gateway";
import { expectLedgerToHold } from "./ledger";
import { reliabilityScale } from "./scale";
import { deliverUntilAccepted } from "./stripe";

// Checkout sessions while the Stripe fake answers 500 before doing the work (error-before) or after
// it (error-after), many customers at once. The SDK retries twice with the same idempotency key
// (checkout_<payment id>); after that the page says "unavailable" and the customer presses Pay again.
const scale = reliabilityScale();
const fake = await startStripeForTests();
const { db } = await reliabilityDatabase(scale);
const bed = await createStripeTestbed(db, fake);

const TARGET = "POST /v1/checkout/sessions";
/** Calls the fake answered with an injected 500. */
const faultsServed = () => fake.calls.filter((call) => `${call.method} ${call.path}` === TARGET && call.status === 500).length;

describe(`checkout while the gateway fails (${scale.name})`, () => {
  it(`starts ${scale.gatewayCalls} checkouts through 500s before and after the work: one session per payment, each invoice paid once`, async () => {
    // three 500s per checkout first (each exhausts the SDK's retries), then answers lost after the work
    const planned = 4 * scale.gatewayCalls;
    fake.failNext(TARGET, "error-before", 3 * scale.gatewayCalls);
    fake.failNext(TARGET, "error-after", scale.gatewayCalls);
    // customers keep paying until every planned fault was served (a replayed retry can succeed while faults remain)
    const invoices: Awaited<ReturnType<typeof bed.invoiceFor>>[] = [];
    const tries: number[] = [];
    const errors = captureConsoleErrors();
    try {
      while (faultsServed() < planned) {
        const wave = await inLanes(scale.gatewayCalls, 4, (i) => bed.invoiceFor(BigInt(50_00 + invoices.length + i)));
        tries.push(...(await Promise.all(wave.map(({ invoice, token }) => checkoutUntilStarted(db, token, invoice.total)))));
        invoices.push(...wave);
      }
    } finally {
      errors.restore();
    }
    expect(faultsServed()).toBe(planned);
    expect(tries.filter((n) => n > 1).length).toBeGreaterThan(0);
    // every refusal was logged once, and it was the gateway's failure
    expect(errors.logged).toEqual(Array.from({ length: tries.reduce((sum, n) => sum + n - 1, 0) }, () => "Stripe checkout session create failed"));

    const events: StripeEvent[] = [];
    for (const [i, { invoice }] of invoices.entries()) {
      const started = await expectOneCheckoutPerInvoice(db, fake, bed, invoice.id, tries[i]!);
      events.push(...(await fake.pay(started.gatewayCheckoutId ?? "")).events);
    }
    await deliverUntilAccepted(fake, events, scale.stormConcurrency, 1);
    for (const { invoice } of invoices) {
      const rows = await bed.paymentsOf(invoice.id);
      expect(rows.filter((row) => row.status === "succeeded")).toHaveLength(1);
      expect(await readInvoice(db, invoice.id)).toMatchObject({ status: "paid", amountDue: 0n, amountPaid: invoice.total });
      expect(await bed.allocationsOf(invoice.id)).toHaveLength(1);
    }
    console.info(`checkout faults: ${invoices.length} checkouts took ${tries.join(",")} tries`);
    await expectLedgerToHold(db);
  });
});

import { POST } from "@/app/api/webhooks/stripe/route";
import type { Db } from "@/db";
import { startStripeCheckout } from "@/lib/gateways/stripe/checkout";
import type { FakeStripe, StripeEvent } from "../fakes/stripe";
import { APP_URL, type createStripeTestbed } from "../helpers/stripe";
import { inLanes, shuffled } from "./concurrency";

type StripeTestbed = Awaited<ReturnType<typeof createStripeTestbed>>;

const WEBHOOK_URL = `${APP_URL}/api/webhooks/stripe`;

export type WebhookAnswer = { status: number; result: string };

function resultOf(body: unknown): string {
  if (typeof body !== "object" || body === null) return "no body";
  if ("result" in body && typeof body.result === "string") return body.result;
  if ("error" in body && typeof body.error === "string") return body.error;
  return "no result";
}

/**
 * One Stripe delivery through the real POST handler of app/api/webhooks/stripe/route.ts, signed as
 * Stripe signs it; `tamper` changes the body after signing (a forged or corrupted delivery).
 */
export async function postWebhook(fake: FakeStripe, event: StripeEvent, options: { tamper?: boolean } = {}): Promise<WebhookAnswer> {
  const { body, headers } = fake.signedDelivery(event);
  const sent = options.tamper ? body.replace('"livemode": false', '"livemode": true') : body;
  if (options.tamper && sent === body) throw new Error("the tampered body is unchanged");
  const response = await POST(new Request(WEBHOOK_URL, { method: "POST", headers, body: sent }));
  return { status: response.status, result: resultOf(await response.json()) };
}

/**
 * Stripe's retry loop, concurrently: every delivery goes out in a shuffled order with `concurrency`
 * in flight; those answered with anything but 200 go out again in the next round, reshuffled.
 * Returns how many rounds it took and every answer.
 */
export async function deliverUntilAccepted(fake: FakeStripe, deliveries: readonly StripeEvent[], concurrency: number, seed: number, maxRounds = 8) {
  let waiting = [...deliveries];
  const answers: (WebhookAnswer & { eventId: string })[] = [];
  let rounds = 0;
  while (waiting.length > 0) {
    if (++rounds > maxRounds) throw new Error(`${waiting.length} deliveries still refused after ${maxRounds} rounds: ${waiting.map((event) => event.type).join(", ")}`);
    const order = shuffled(waiting, seed + rounds);
    const round = await inLanes(order.length, concurrency, async (i) => ({ ...(await postWebhook(fake, order[i]!)), eventId: order[i]!.id }));
    answers.push(...round);
    waiting = order.filter((_, i) => round[i]!.status !== 200);
  }
  return { rounds, answers };
}

/** A sent invoice, a card checkout started on its public page and paid on the fake's hosted page. */
export async function paidCheckout(db: Db, fake: FakeStripe, bed: StripeTestbed, total: bigint, email?: string) {
  const { invoice, token } = await bed.invoiceFor(total, { email });
  await startStripeCheckout(db, { token, amount: total }, APP_URL);
  const [payment] = await bed.paymentsOf(invoice.id);
  if (!payment) throw new Error("the checkout left no pending payment");
  const session = await bed.sessionOf(payment.id);
  const { events } = await fake.pay(session.id);
  const intentId = session.payment_intent;
  if (!intentId) throw new Error("the paid session has no PaymentIntent");
  return { invoice, payment, events, intentId };
}

import { createHmac } from "node:crypto";
import type { StripeDelivery, StripeEvent } from "./stripe-types";

// Webhook calls signed like Stripe's: Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
// "<t>.<raw body>" keyed with the whole whsec_… secret>. The body is the event, pretty-printed.

export function signedDelivery(event: StripeEvent, secret: string, options: { timestamp?: number; secret?: string } = {}): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event, null, 2);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", options.secret ?? secret)
    .update(`${timestamp}.${body}`)
    .digest("hex");
  return {
    body,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      "stripe-signature": `t=${timestamp},v1=${signature}`,
    },
  };
}

export class StripeWebhookSender {
  readonly deliveries: StripeDelivery[] = [];

  constructor(
    public url: string | null,
    private readonly secret: string,
  ) {}

  /** One signed POST to the webhook URL; throws when the app cannot be reached. */
  async deliver(event: StripeEvent): Promise<Response> {
    if (!this.url) throw new Error("The fake Stripe has no webhookUrl: call setWebhookUrl first");
    const { body, headers } = signedDelivery(event, this.secret);
    const record: StripeDelivery = { event, status: null };
    this.deliveries.push(record);
    try {
      const response = await fetch(this.url, { method: "POST", headers, body, signal: AbortSignal.timeout(30_000) });
      record.status = response.status;
      return response;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }

  /**
   * Sends events one after another as Stripe would (a failed one is logged, not retried: call
   * deliver again to simulate Stripe's retry). Without a URL the events are only stored.
   */
  async deliverAll(events: StripeEvent[]): Promise<void> {
    if (!this.url) return;
    for (const event of events) {
      try {
        const response = await this.deliver(event);
        await response.arrayBuffer();
      } catch {
        // kept in deliveries with its error
      }
    }
  }
}

import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { crc32 } from "node:zlib";
import type { PayPalDelivery, PayPalEvent } from "./paypal-types";

// PayPal signs a webhook over "<transmission id>|<time>|<webhook id>|<crc32 of body>" with its
// certificate's key. The fake signs the same string with a private HMAC key instead of RSA, which
// only the fake itself can check: the app verifies through POST /v1/notifications/verify-webhook-
// signature, which says SUCCESS only for a delivery the fake really made, with that exact body.

const AUTH_ALGO = "SHA256withRSA";

export interface VerifyRequest {
  auth_algo: string;
  cert_url: string;
  transmission_id: string;
  transmission_sig: string;
  transmission_time: string;
  webhook_id: string;
  webhook_event: unknown;
}

/** The same JSON whatever whitespace it was sent with: compares what the app read with what was sent. */
function canonical(value: unknown): string {
  return JSON.stringify(value);
}

export class PayPalWebhooks {
  readonly deliveries: PayPalDelivery[] = [];
  private readonly sent = new Map<string, { body: string; headers: Record<string, string>; webhookId: string }>();
  private readonly key = randomBytes(32);

  constructor(
    public url: string | null,
    private readonly webhookId: string,
    private readonly certUrl: () => string,
  ) {}

  private signature(transmissionId: string, time: string, body: string): string {
    return createHmac("sha256", this.key).update(`${transmissionId}|${time}|${this.webhookId}|${crc32(body)}`).digest("base64");
  }

  /** Body and headers of a delivery; a real one is remembered for the verify API, a forged one is not. */
  signedDelivery(event: PayPalEvent, options: { forge?: boolean } = {}): { body: string; headers: Record<string, string> } {
    const body = JSON.stringify(event);
    const transmissionId = randomUUID();
    const time = new Date().toISOString();
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "PayPal/AUHD-214.0-58843213",
      "paypal-transmission-id": transmissionId,
      "paypal-transmission-time": time,
      "paypal-transmission-sig": options.forge ? randomBytes(256).toString("base64") : this.signature(transmissionId, time, body),
      "paypal-cert-url": this.certUrl(),
      "paypal-auth-algo": AUTH_ALGO,
      "correlation-id": randomBytes(6).toString("hex"),
    };
    if (!options.forge) this.sent.set(transmissionId, { body, headers, webhookId: this.webhookId });
    return { body, headers };
  }

  async deliver(event: PayPalEvent, options: { forge?: boolean } = {}): Promise<Response> {
    if (!this.url) throw new Error("The fake PayPal has no webhookUrl: call setWebhookUrl first");
    const { body, headers } = this.signedDelivery(event, options);
    const record: PayPalDelivery = { event, body, headers, forged: Boolean(options.forge), status: null };
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

  /** Sends events in order; failures stay in deliveries (PayPal would retry later; tests call deliver). */
  async deliverAll(events: PayPalEvent[]): Promise<void> {
    if (!this.url) return;
    for (const event of events) {
      try {
        await (await this.deliver(event)).arrayBuffer();
      } catch {
        // kept in deliveries with its error
      }
    }
  }

  verify(request: VerifyRequest): "SUCCESS" | "FAILURE" {
    const sent = this.sent.get(request.transmission_id);
    if (!sent || request.webhook_id !== sent.webhookId) return "FAILURE";
    const expected = sent.headers;
    const same =
      request.transmission_sig === expected["paypal-transmission-sig"] &&
      request.transmission_time === expected["paypal-transmission-time"] &&
      request.cert_url === expected["paypal-cert-url"] &&
      request.auth_algo === expected["paypal-auth-algo"] &&
      request.transmission_sig === this.signature(request.transmission_id, request.transmission_time, sent.body);
    if (!same) return "FAILURE";
    return canonical(request.webhook_event) === canonical(JSON.parse(sent.body)) ? "SUCCESS" : "FAILURE";
  }
}

import { json, startGatewayServer, type CallRecord, type FailMode } from "./gateway-server";
import { finishAsync, paySession, type PayOptions } from "./stripe-payments";
import { closeDispute, createRefund, openDispute } from "./stripe-refunds";
import { stripeError, stripeRoutes } from "./stripe-routes";
import { StripeApiError, StripeState } from "./stripe-state";
import type { StripeDelivery, StripeEvent } from "./stripe-types";
import { StripeWebhookSender, signedDelivery } from "./stripe-webhooks";

export type { CallRecord, FailMode } from "./gateway-server";
export type { PayOptions } from "./stripe-payments";
export type * from "./stripe-types";

/**
 * A local Stripe for tests and the demo: the v1 endpoints the app calls (form bodies, Bearer key,
 * Idempotency-Key replay), a stand-in hosted checkout page whose Pay button sends signed webhooks
 * to the app and redirects to success_url, and switches for faults (500s, stalls, declines).
 * Point the real SDK at it with host 127.0.0.1, its port and protocol "http".
 */
export interface FakeStripe {
  /** http://127.0.0.1:PORT: set STRIPE_API_URL to it */
  apiUrl: string;
  secretKey: string;
  webhookSecret: string;
  setWebhookUrl(url: string | null): void;
  /** the stand-in hosted page (GET): Pay posts to it, sends the webhooks, redirects to success_url */
  checkoutUrl(sessionId: string): string;
  /**
   * What the Pay button does, callable from tests; resolves once the events were delivered.
   * outcome: succeeded (default); failed (declined: payment_intent.payment_failed, the session stays
   * open); async (completed unpaid, then async_payment_succeeded); async_failed; async_pending
   * (completed unpaid only: call finishAsync later).
   */
  pay(sessionId: string, options?: PayOptions): Promise<{ events: StripeEvent[] }>;
  finishAsync(sessionId: string, result: "succeeded" | "failed"): Promise<{ events: StripeEvent[] }>;
  sessions: StripeState["sessions"];
  paymentIntents: StripeState["paymentIntents"];
  charges: StripeState["charges"];
  refunds: StripeState["refunds"];
  balanceTransactions: StripeState["balanceTransactions"];
  customers: StripeState["customers"];
  paymentMethods: StripeState["paymentMethods"];
  setupIntents: StripeState["setupIntents"];
  disputes: StripeState["disputes"];
  /** every event made, by id */
  events: StripeState["events"];
  /** every webhook POST with the app's answer */
  deliveries: StripeDelivery[];
  calls: CallRecord[];
  /** target "POST /v1/checkout/sessions" or with the route's pattern, e.g. "POST /v1/disputes/:id" */
  failNext(target: string, mode: FailMode, times?: number): void;
  /** off-session charges of this saved card fail with a 402 card_error (and payment_intent.payment_failed) */
  declineCard(paymentMethodId: string, declineCode?: string): void;
  openDispute(paymentIntentId: string, options?: { amount?: bigint; reason?: string }): Promise<StripeEvent>;
  closeDispute(disputeId: string, status: "won" | "lost"): Promise<StripeEvent>;
  /** charge.refunded (then refund.created), as if refunded in Stripe's dashboard */
  refundInDashboard(paymentIntentId: string, amount: bigint): Promise<StripeEvent>;
  event(type: string, object: object): StripeEvent;
  signedDelivery(event: StripeEvent, options?: { timestamp?: number; secret?: string }): { body: string; headers: Record<string, string> };
  /** POST to webhookUrl, signed like Stripe */
  deliver(event: StripeEvent): Promise<Response>;
  /** waits for the webhooks that API calls (refunds, off-session charges, evidence) send after answering */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface FakeStripeOptions {
  secretKey?: string;
  webhookSecret?: string;
  webhookUrl?: string;
  /** 0 (default) picks a free port */
  port?: number;
}

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const secretKey = options.secretKey ?? "sk_test_fake";
  const webhookSecret = options.webhookSecret ?? "whsec_fake_stripe_secret";
  const state = new StripeState();
  const sender = new StripeWebhookSender(options.webhookUrl ?? null, webhookSecret);

  const pay = async (sessionId: string, payOptions?: PayOptions) => {
    const events = paySession(state, sessionId, payOptions);
    await sender.deliverAll(events);
    return { events };
  };

  const server = await startGatewayServer({
    port: options.port,
    routes: stripeRoutes({ state, pay, sendLater: (events) => server.later(() => sender.deliverAll(events)) }),
    idempotencyHeader: "idempotency-key",
    keysPerPath: false,
    replayHeaders: { "idempotent-replayed": "true" },
    authorize(req) {
      const auth = req.header("authorization");
      if (!auth) return stripeError(new StripeApiError(401, "invalid_request_error", "You did not provide an API key. Provide it in the Authorization header, using Bearer auth."));
      if (auth !== `Bearer ${secretKey}`) {
        return stripeError(new StripeApiError(401, "invalid_request_error", `Invalid API Key provided: ${auth.replace(/^Bearer /, "").slice(0, 8)}***`));
      }
      return undefined;
    },
    notFound: (req) => stripeError(new StripeApiError(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${req.path}).`)),
    serverError: () => json(500, { error: { type: "api_error", message: "Something went wrong on Stripe's end (the fake was told to fail)." } }),
    keyMisuse: (req) =>
      stripeError(
        new StripeApiError(
          400,
          "idempotency_error",
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${req.header("idempotency-key")}' if you meant to execute a different request.`,
        ),
      ),
  });
  state.apiUrl = server.baseUrl;

  const deliverNow = async (event: StripeEvent) => {
    await sender.deliverAll([event]);
    return event;
  };

  return {
    apiUrl: server.baseUrl,
    secretKey,
    webhookSecret,
    setWebhookUrl(url) {
      sender.url = url;
    },
    checkoutUrl: (sessionId) => `${server.baseUrl}/checkout/${sessionId}`,
    pay,
    async finishAsync(sessionId, result) {
      const events = finishAsync(state, sessionId, result);
      await sender.deliverAll(events);
      return { events };
    },
    sessions: state.sessions,
    paymentIntents: state.paymentIntents,
    charges: state.charges,
    refunds: state.refunds,
    balanceTransactions: state.balanceTransactions,
    customers: state.customers,
    paymentMethods: state.paymentMethods,
    setupIntents: state.setupIntents,
    disputes: state.disputes,
    events: state.events,
    deliveries: sender.deliveries,
    calls: server.calls,
    failNext: (target, mode, times) => server.failNext(target, mode, times),
    declineCard(paymentMethodId, declineCode = "insufficient_funds") {
      state.declines.set(paymentMethodId, { code: "card_declined", decline_code: declineCode, message: "Your card was declined." });
    },
    openDispute(paymentIntentId, disputeOptions = {}) {
      const { event } = openDispute(state, paymentIntentId, {
        amount: disputeOptions.amount === undefined ? undefined : Number(disputeOptions.amount),
        reason: disputeOptions.reason,
      });
      return deliverNow(event);
    },
    closeDispute: (disputeId, status) => deliverNow(closeDispute(state, disputeId, status)),
    async refundInDashboard(paymentIntentId, amount) {
      const { events } = createRefund(state, { paymentIntentId, amount: Number(amount), reason: "requested_by_customer" });
      await sender.deliverAll(events);
      const [chargeRefunded] = events;
      if (!chargeRefunded) throw new Error("refund made no event");
      return chargeRefunded;
    },
    event: (type, object) => state.event(type, object),
    signedDelivery: (event, signOptions) => signedDelivery(event, webhookSecret, signOptions),
    deliver: (event) => sender.deliver(event),
    flush: () => server.flush(),
    close: async () => {
      await server.flush();
      await server.close();
    },
  };
}

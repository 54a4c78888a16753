import { json, startGatewayServer, type CallRecord, type FailMode } from "./gateway-server";
import { paypalError, paypalRoutes } from "./paypal-routes";
import { PayPalApiError, PayPalState } from "./paypal-state";
import type { ApprovalOutcome, PayPalDelivery, PayPalEvent } from "./paypal-types";
import { PayPalWebhooks } from "./paypal-webhooks";

export type { CallRecord, FailMode } from "./gateway-server";
export type * from "./paypal-types";

/**
 * A local PayPal for tests and the demo: OAuth client-credentials tokens, Orders v2 (create, get,
 * capture; capture refuses until the buyer approved), capture refunds, PayPal-Request-Id replay,
 * webhooks with PayPal's transmission headers and the verify-webhook-signature API that says
 * SUCCESS only for a delivery this fake really made. Set PAYPAL_API_URL to apiUrl.
 */
export interface FakePayPal {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  webhookId: string;
  setWebhookUrl(url: string | null): void;
  orders: PayPalState["orders"];
  captures: PayPalState["captures"];
  refunds: PayPalState["refunds"];
  events: PayPalState["events"];
  deliveries: PayPalDelivery[];
  /** API calls; idempotencyKey holds the PayPal-Request-Id */
  calls: CallRecord[];
  /** target "POST /v2/checkout/orders" or a route pattern such as "POST /v2/checkout/orders/:id/capture" */
  failNext(target: string, mode: FailMode, times?: number): void;
  /**
   * What the buyer does in PayPal's popup. outcome: the capture then COMPLETES (default), stays
   * PENDING (settleCapture later) or is DECLINED (422 INSTRUMENT_DECLINED).
   */
  approve(orderId: string, options?: { outcome?: ApprovalOutcome; payerEmail?: string }): void;
  /** GET it in a browser to approve; ?return_url=… redirects there with token and PayerID */
  approveUrl(orderId: string): string;
  /** a PENDING capture clears (PAYMENT.CAPTURE.COMPLETED) or is denied (PAYMENT.CAPTURE.DENIED) */
  settleCapture(captureId: string, result: "COMPLETED" | "DENIED"): Promise<PayPalEvent>;
  /** PAYMENT.CAPTURE.REFUNDED as if refunded in PayPal's dashboard; value like "5.00" */
  refundInDashboard(captureId: string, value?: string): Promise<PayPalEvent>;
  /** PAYMENT.CAPTURE.REVERSED (a chargeback took the money back) */
  reverseCapture(captureId: string): Promise<PayPalEvent>;
  event(type: string, resource: object): PayPalEvent;
  /** body and headers of a delivery (remembered for the verify API unless forged), without sending it */
  signedDelivery(event: PayPalEvent, options?: { forge?: boolean }): { body: string; headers: Record<string, string> };
  /** POST to webhookUrl with PayPal's headers; forge: headers the verify API will not recognise */
  deliver(event: PayPalEvent, options?: { forge?: boolean }): Promise<Response>;
  /** invalidates every access token (the next call answers 401, as after expiry) */
  expireTokens(): void;
  /** waits for webhooks that API calls (capture, refund) send after answering */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface FakePayPalOptions {
  clientId?: string;
  clientSecret?: string;
  webhookId?: string;
  webhookUrl?: string;
  /** 0 (default) picks a free port */
  port?: number;
}

export async function startFakePayPal(options: FakePayPalOptions = {}): Promise<FakePayPal> {
  const clientId = options.clientId ?? "fake-paypal-client-id";
  const clientSecret = options.clientSecret ?? "fake-paypal-client-secret";
  const webhookId = options.webhookId ?? "WH-FAKE-0000000000000000";
  const state = new PayPalState();
  const webhooks = new PayPalWebhooks(options.webhookUrl ?? null, webhookId, () => `${state.apiUrl}/v1/notifications/certs/CERT-360caa42-fca2a594-fake`);
  const tokens = new Set<string>();

  const server = await startGatewayServer({
    port: options.port,
    routes: paypalRoutes({ state, webhooks, clientId, clientSecret, tokens, sendLater: (events) => server.later(() => webhooks.deliverAll(events)) }),
    idempotencyHeader: "paypal-request-id",
    keysPerPath: true,
    replayHeaders: {},
    authorize(req) {
      if (req.path === "/v1/oauth2/token") return undefined;
      const token = req.header("authorization")?.replace(/^Bearer /, "");
      if (token && tokens.has(token)) return undefined;
      return paypalError(new PayPalApiError(401, "AUTHENTICATION_FAILURE", "INVALID_TOKEN", "Token signature verification failed or the token is missing or expired."));
    },
    notFound: (req) => paypalError(new PayPalApiError(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", `No route for ${req.method} ${req.path} in the fake PayPal.`)),
    serverError: () => json(500, { name: "INTERNAL_SERVER_ERROR", message: "An internal server error has occurred (the fake was told to fail).", debug_id: "fake500" }),
  });
  state.apiUrl = server.baseUrl;

  const deliverNow = async (event: PayPalEvent) => {
    await webhooks.deliverAll([event]);
    return event;
  };

  return {
    apiUrl: server.baseUrl,
    clientId,
    clientSecret,
    webhookId,
    setWebhookUrl(url) {
      webhooks.url = url;
    },
    orders: state.orders,
    captures: state.captures,
    refunds: state.refunds,
    events: state.events,
    deliveries: webhooks.deliveries,
    calls: server.calls,
    failNext: (target, mode, times) => server.failNext(target, mode, times),
    approve(orderId, approveOptions = {}) {
      state.approve(orderId, approveOptions.outcome, approveOptions.payerEmail);
    },
    approveUrl: (orderId) => `${server.baseUrl}/fake/approve/${orderId}`,
    settleCapture: (captureId, result) => deliverNow(state.settleCapture(captureId, result)),
    async refundInDashboard(captureId, value) {
      const capture = state.capture(captureId);
      const amount = value === undefined ? undefined : { currency_code: capture.amount.currency_code, value };
      const [event] = state.refund(captureId, { amount }).events;
      if (!event) throw new Error("refund made no event");
      return deliverNow(event);
    },
    async reverseCapture(captureId) {
      const [event] = state.refund(captureId, { note_to_payer: "Payment reversed" }, true).events;
      if (!event) throw new Error("reversal made no event");
      return deliverNow(event);
    },
    event: (type, resource) => state.event(type, resource),
    signedDelivery: (event, signOptions) => webhooks.signedDelivery(event, signOptions),
    deliver: (event, deliverOptions) => webhooks.deliver(event, deliverOptions),
    expireTokens: () => tokens.clear(),
    flush: () => server.flush(),
    close: async () => {
      await server.flush();
      await server.close();
    },
  };
}

import { randomBytes } from "node:crypto";
import { html, json, redirect, type FakeRequest, type FakeResponse, type Route } from "./gateway-server";
import { PayPalApiError, toMinor, type PayPalState } from "./paypal-state";
import type { PayPalEvent, PayPalMoney } from "./paypal-types";
import type { PayPalWebhooks, VerifyRequest } from "./paypal-webhooks";

// PayPal's REST endpoints the app calls (OAuth token, Orders v2, Payments v2 refunds, webhook
// verification) and the buyer's approval page.

export interface PayPalRouteContext {
  state: PayPalState;
  webhooks: PayPalWebhooks;
  clientId: string;
  clientSecret: string;
  tokens: Set<string>;
  sendLater(events: PayPalEvent[]): void;
}

const MESSAGES: Record<PayPalApiError["errorName"], string> = {
  INVALID_REQUEST: "Request is not well-formed, syntactically incorrect, or violates schema.",
  UNPROCESSABLE_ENTITY: "The requested action could not be performed, semantically incorrect, or failed business validation.",
  RESOURCE_NOT_FOUND: "The specified resource does not exist.",
  AUTHENTICATION_FAILURE: "Authentication failed due to invalid authentication credentials or a missing Authorization header.",
};

export function paypalError(error: PayPalApiError): FakeResponse {
  return json(error.status, {
    name: error.errorName,
    message: MESSAGES[error.errorName],
    debug_id: randomBytes(7).toString("hex"),
    details: [{ ...(error.field ? { field: error.field, location: "body" } : {}), issue: error.issue, description: error.description }],
    links: [{ href: `https://developer.paypal.com/docs/api/orders/v2/#error-${error.issue}`, rel: "information_link", method: "GET" }],
  });
}

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseBody(req: FakeRequest): Json {
  if (req.body.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(req.body);
  } catch {
    throw new PayPalApiError(400, "INVALID_REQUEST", "MALFORMED_REQUEST_JSON", "The request JSON is not well formed.");
  }
  if (!isJson(value)) throw new PayPalApiError(400, "INVALID_REQUEST", "MALFORMED_REQUEST_JSON", "The request JSON is not well formed.");
  return value;
}

function text(body: Json, key: string, field: string, required: boolean): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    if (required) throw new PayPalApiError(400, "INVALID_REQUEST", "MISSING_REQUIRED_PARAMETER", "A required field / parameter is missing.", field);
    return undefined;
  }
  if (typeof value !== "string") throw new PayPalApiError(400, "INVALID_REQUEST", "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.", field);
  return value;
}

function moneyAt(body: Json, key: string, field: string, required: boolean): PayPalMoney | undefined {
  const value = body[key];
  if (value === undefined && !required) return undefined;
  if (!isJson(value)) throw new PayPalApiError(400, "INVALID_REQUEST", "MISSING_REQUIRED_PARAMETER", "A required field / parameter is missing.", field);
  return { currency_code: text(value, "currency_code", `${field}/currency_code`, true) ?? "", value: text(value, "value", `${field}/value`, true) ?? "" };
}

export function paypalRoutes(ctx: PayPalRouteContext): Route[] {
  const { state } = ctx;
  const api = (method: "GET" | "POST", pattern: string, status: number, run: (req: FakeRequest) => object | { result: object; events: PayPalEvent[] }): Route => ({
    method,
    pattern,
    api: true,
    handle(req) {
      try {
        const outcome = run(req);
        if ("events" in outcome && "result" in outcome && Array.isArray(outcome.events)) {
          ctx.sendLater(outcome.events);
          return json(status, outcome.result);
        }
        return json(status, outcome);
      } catch (error) {
        if (error instanceof PayPalApiError) return paypalError(error);
        throw error;
      }
    },
  });

  return [
    {
      method: "POST",
      pattern: "/v1/oauth2/token",
      api: true,
      handle(req) {
        const expected = `Basic ${Buffer.from(`${ctx.clientId}:${ctx.clientSecret}`).toString("base64")}`;
        if (req.header("authorization") !== expected) return json(401, { error: "invalid_client", error_description: "Client Authentication failed" });
        if (new URLSearchParams(req.body).get("grant_type") !== "client_credentials") return json(400, { error: "unsupported_grant_type", error_description: "Grant Type is NULL" });
        const token = `A21AA${randomBytes(24).toString("base64url")}`;
        ctx.tokens.add(token);
        return json(200, { scope: "https://uri.paypal.com/services/payments/payment", access_token: token, token_type: "Bearer", app_id: "APP-80W284485P519543T", expires_in: 32400, nonce: randomBytes(8).toString("hex") });
      },
    },
    api("POST", "/v2/checkout/orders", 201, (req) => {
      const body = parseBody(req);
      const intent = text(body, "intent", "/intent", true);
      if (intent !== "CAPTURE" && intent !== "AUTHORIZE") throw new PayPalApiError(400, "INVALID_REQUEST", "INVALID_PARAMETER_VALUE", "The value of a field is invalid.", "/intent");
      const units = body.purchase_units;
      if (!Array.isArray(units) || units.length === 0) throw new PayPalApiError(400, "INVALID_REQUEST", "MISSING_REQUIRED_PARAMETER", "A required field / parameter is missing.", "/purchase_units");
      const parsed = units.map((unit: unknown, i) => {
        const field = `/purchase_units/${i}`;
        if (!isJson(unit)) throw new PayPalApiError(400, "INVALID_REQUEST", "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.", field);
        const amount = moneyAt(unit, "amount", `${field}/amount`, true);
        if (!amount) throw new Error("unreachable: amount is required");
        if (toMinor(amount, `${field}/amount`) <= 0n) {
          throw new PayPalApiError(422, "UNPROCESSABLE_ENTITY", "CANNOT_BE_ZERO_OR_NEGATIVE", "Must be greater than zero.", `${field}/amount/value`);
        }
        return {
          amount,
          invoice_id: text(unit, "invoice_id", `${field}/invoice_id`, false),
          custom_id: text(unit, "custom_id", `${field}/custom_id`, false),
          description: text(unit, "description", `${field}/description`, false),
          reference_id: text(unit, "reference_id", `${field}/reference_id`, false),
        };
      });
      return state.createOrder({ intent, units: parsed });
    }),
    api("GET", "/v2/checkout/orders/:id", 200, (req) => state.order(req.params.id ?? "")),
    api("POST", "/v2/checkout/orders/:id/capture", 201, (req) => {
      const { order, events } = state.captureOrder(req.params.id ?? "");
      return { result: order, events };
    }),
    api("GET", "/v2/payments/captures/:id", 200, (req) => state.capture(req.params.id ?? "")),
    api("POST", "/v2/payments/captures/:id/refund", 201, (req) => {
      const body = parseBody(req);
      const { refund, events } = state.refund(req.params.id ?? "", {
        amount: moneyAt(body, "amount", "/amount", false),
        invoice_id: text(body, "invoice_id", "/invoice_id", false),
        note_to_payer: text(body, "note_to_payer", "/note_to_payer", false),
        custom_id: text(body, "custom_id", "/custom_id", false),
      });
      return { result: refund, events };
    }),
    api("GET", "/v2/payments/refunds/:id", 200, (req) => {
      const refund = state.refunds.get(req.params.id ?? "");
      if (!refund) throw new PayPalApiError(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist. Please check the resource ID and try again.");
      return refund;
    }),
    api("POST", "/v1/notifications/verify-webhook-signature", 200, (req) => {
      const body = parseBody(req);
      const field = (key: keyof Omit<VerifyRequest, "webhook_event">) => text(body, key, `/${key}`, true) ?? "";
      const request: VerifyRequest = {
        auth_algo: field("auth_algo"),
        cert_url: field("cert_url"),
        transmission_id: field("transmission_id"),
        transmission_sig: field("transmission_sig"),
        transmission_time: field("transmission_time"),
        webhook_id: field("webhook_id"),
        webhook_event: body.webhook_event,
      };
      if (!isJson(request.webhook_event)) throw new PayPalApiError(400, "INVALID_REQUEST", "MISSING_REQUIRED_PARAMETER", "A required field / parameter is missing.", "/webhook_event");
      return { verification_status: ctx.webhooks.verify(request) };
    }),
    {
      method: "GET",
      pattern: "/fake/approve/:id",
      api: false,
      handle(req) {
        const order = state.orders.get(req.params.id ?? "");
        if (!order) return html(404, "<!doctype html><p>No such PayPal order.</p>");
        if (order.status === "CREATED") state.approve(order.id);
        const returnUrl = req.query.get("return_url");
        if (returnUrl) return redirect(`${returnUrl}${returnUrl.includes("?") ? "&" : "?"}token=${order.id}&PayerID=${order.payer?.payer_id ?? ""}`);
        // the demo page may call it with fetch from the app's origin
        return withCors(html(200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake PayPal</title></head><body style="font-family:system-ui;padding:2rem"><p data-testid="fake-paypal-approved">Order ${order.id} is ${order.status.toLowerCase()} (fake PayPal). You can close this window.</p></body></html>`));
      },
    },
  ];
}

function withCors(response: FakeResponse): FakeResponse {
  return { ...response, headers: { ...response.headers, "access-control-allow-origin": "*" } };
}

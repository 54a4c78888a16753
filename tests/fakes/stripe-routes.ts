import { html, json, redirect, type FakeRequest, type FakeResponse, type Route } from "./gateway-server";
import { checkoutPage, messagePage } from "./stripe-checkout-page";
import { ParamError, expandList, parseForm, type FormObject } from "./stripe-form";
import { CardDeclined, createCheckoutSession, createCustomer, createPaymentIntent, detachPaymentMethod } from "./stripe-payments";
import { createRefund, refundFromParams, updateDispute } from "./stripe-refunds";
import { StripeApiError, missing, stripeId, type StripeState } from "./stripe-state";
import type { PayOutcome, StripeEvent } from "./stripe-types";

// The Stripe v1 endpoints the app calls, plus the hosted checkout page and its Pay button.

export interface StripeRouteContext {
  state: StripeState;
  /** events from an API call go out after its answer, as Stripe sends them */
  sendLater(events: StripeEvent[]): void;
  /** the Pay button: changes the session and delivers its events before answering */
  pay(sessionId: string, options: { outcome: PayOutcome; email?: string }): Promise<{ events: StripeEvent[] }>;
}

type Result = object | { object: object; events: StripeEvent[] };

export function stripeError(error: StripeApiError | ParamError): FakeResponse {
  const body =
    error instanceof ParamError
      ? { type: "invalid_request_error", code: error.code, param: error.param, message: error.message }
      : { type: error.type, message: error.message, ...error.extra };
  return json(error instanceof ParamError ? 400 : error.status, { error: { ...body, request_log_url: null } }, { "request-id": stripeId("req", 14) });
}

function isEventResult(result: Result): result is { object: object; events: StripeEvent[] } {
  return "events" in result && "object" in result && Array.isArray(result.events);
}

export function stripeRoutes(ctx: StripeRouteContext): Route[] {
  const { state } = ctx;
  const api = (method: "GET" | "POST", pattern: string, run: (params: FormObject, req: FakeRequest) => Result): Route => ({
    method,
    pattern,
    api: true,
    handle(req) {
      try {
        const params = parseForm(method === "GET" ? req.query.toString() : req.body);
        const result = run(params, req);
        const object = isEventResult(result) ? result.object : result;
        if (isEventResult(result)) ctx.sendLater(withRequest(result.events, req));
        return json(200, state.expand(object, expandList(params)), { "request-id": stripeId("req", 14) });
      } catch (error) {
        if (error instanceof CardDeclined) ctx.sendLater(withRequest(error.events, req));
        if (error instanceof StripeApiError || error instanceof ParamError) return stripeError(error);
        throw error;
      }
    },
  });
  const retrieve = <T extends object>(pattern: string, kind: string, map: Map<string, T>) =>
    api("GET", pattern, (_, req) => {
      const id = req.params.id ?? "";
      const found = map.get(id);
      if (!found) throw missing(kind, id);
      return found;
    });

  return [
    api("POST", "/v1/checkout/sessions", (params) => createCheckoutSession(state, params)),
    api("GET", "/v1/checkout/sessions/:id", (params, req) => {
      const session = state.sessions.get(req.params.id ?? "");
      if (!session) throw missing("checkout.session", req.params.id ?? "");
      // line_items is not a field that holds an id: expanding it adds the list
      if (!expandList(params).includes("line_items")) return session;
      const data = state.sessionExtras.get(session.id)?.lineItems ?? [];
      return { ...session, line_items: { object: "list", data, has_more: false, url: `/v1/checkout/sessions/${session.id}/line_items` } };
    }),
    api("GET", "/v1/checkout/sessions/:id/line_items", (_, req) => {
      const extras = state.sessionExtras.get(req.params.id ?? "");
      if (!extras) throw missing("checkout.session", req.params.id ?? "");
      return { object: "list", data: extras.lineItems, has_more: false, url: `/v1/checkout/sessions/${req.params.id}/line_items` };
    }),
    api("POST", "/v1/checkout/sessions/:id/expire", (_, req) => {
      const session = state.sessions.get(req.params.id ?? "");
      if (!session) throw missing("checkout.session", req.params.id ?? "");
      if (session.status !== "open") throw new StripeApiError(400, "invalid_request_error", `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`);
      session.status = "expired";
      session.url = null;
      return { object: session, events: [state.event("checkout.session.expired", session)] };
    }),
    api("POST", "/v1/customers", (params) => {
      const customer = createCustomer(state, params);
      return { object: customer, events: [state.event("customer.created", customer)] };
    }),
    retrieve("/v1/customers/:id", "customer", state.customers),
    api("GET", "/v1/customers/:id/payment_methods", (_, req) => {
      const customer = state.customer(req.params.id ?? "", "id");
      const data = [...state.paymentMethods.values()].filter((method) => method.customer === customer.id).reverse();
      return { object: "list", data, has_more: false, url: `/v1/customers/${customer.id}/payment_methods` };
    }),
    retrieve("/v1/setup_intents/:id", "setup_intent", state.setupIntents),
    retrieve("/v1/payment_methods/:id", "PaymentMethod", state.paymentMethods),
    api("POST", "/v1/payment_methods/:id/detach", (_, req) => {
      const { method, events } = detachPaymentMethod(state, req.params.id ?? "");
      return { object: method, events };
    }),
    api("POST", "/v1/payment_intents", (params) => {
      const { intent, events } = createPaymentIntent(state, params);
      return { object: intent, events };
    }),
    retrieve("/v1/payment_intents/:id", "payment_intent", state.paymentIntents),
    retrieve("/v1/charges/:id", "charge", state.charges),
    api("POST", "/v1/refunds", (params) => {
      const { refund, events } = createRefund(state, refundFromParams(params));
      return { object: refund, events };
    }),
    retrieve("/v1/refunds/:id", "refund", state.refunds),
    retrieve("/v1/disputes/:id", "dispute", state.disputes),
    api("POST", "/v1/disputes/:id", (params, req) => {
      const { dispute, events } = updateDispute(state, req.params.id ?? "", params);
      return { object: dispute, events };
    }),
    retrieve("/v1/balance_transactions/:id", "balance_transaction", state.balanceTransactions),
    retrieve("/v1/events/:id", "event", state.events),
    ...checkoutPages(ctx),
  ];
}

function withRequest(events: StripeEvent[], req: FakeRequest): StripeEvent[] {
  for (const event of events) event.request = { id: stripeId("req", 14), idempotency_key: req.header("idempotency-key") ?? null };
  return events;
}

function checkoutPages(ctx: StripeRouteContext): Route[] {
  const { state } = ctx;
  return [
    {
      method: "GET",
      pattern: "/checkout/:id",
      api: false,
      handle(req) {
        const session = state.sessions.get(req.params.id ?? "");
        if (!session) return html(404, messagePage("This checkout session does not exist."));
        const description = state.sessionExtras.get(session.id)?.description ?? "";
        return html(200, checkoutPage(session, description, { declined: req.query.get("declined") === "1" }));
      },
    },
    {
      method: "POST",
      pattern: "/checkout/:id/pay",
      api: false,
      async handle(req) {
        const id = req.params.id ?? "";
        const session = state.sessions.get(id);
        if (!session) return html(404, messagePage("This checkout session does not exist."));
        if (session.status !== "open") return html(409, messagePage(`This checkout session is already ${session.status}.`));
        const form = new URLSearchParams(req.body);
        const chosen = form.get("outcome");
        const outcome: PayOutcome = chosen === "failed" || chosen === "async" ? chosen : "succeeded";
        await ctx.pay(id, { outcome, email: form.get("email") || undefined });
        if (outcome === "failed") return redirect(`/checkout/${encodeURIComponent(id)}?declined=1`);
        return redirect((session.success_url ?? "/").replaceAll("{CHECKOUT_SESSION_ID}", id));
      },
    },
  ];
}

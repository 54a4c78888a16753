import { ParamError, metadataAt, listAt, optionalBoolean, optionalInteger, optionalString, requiredInteger, requiredString, type FormObject } from "./stripe-form";
import { StripeApiError, TEST_CARD, missing, now, stripeId, type StripeState } from "./stripe-state";
import type { CardDetails, CheckoutSession, Customer, LineItem, PayOutcome, PaymentIntent, SetupIntent, StripeEvent } from "./stripe-types";

// Checkout sessions, what paying one does, customers and off-session charges of saved cards.

export function createCustomer(state: StripeState, params: FormObject): Customer {
  const customer: Customer = {
    id: stripeId("cus", 14),
    object: "customer",
    email: optionalString(params, "email"),
    name: optionalString(params, "name"),
    metadata: metadataAt(params, "metadata"),
    invoice_settings: { default_payment_method: null },
    created: now(),
    livemode: false,
  };
  state.customers.set(customer.id, customer);
  return customer;
}

export function createCheckoutSession(state: StripeState, params: FormObject): CheckoutSession {
  const mode = requiredString(params, "mode");
  if (mode !== "payment" && mode !== "setup") throw new ParamError("mode", `Invalid mode: must be one of payment, setup or subscription`, "parameter_invalid_string");
  const successUrl = requiredString(params, "success_url");
  const customer = optionalString(params, "customer");
  if (customer) state.customer(customer);
  const lineItems = mode === "payment" ? readLineItems(params) : [];
  if (mode === "payment" && lineItems.length === 0) throw new ParamError("line_items", "Missing required param: line_items.", "parameter_missing");
  const currency = lineItems[0]?.currency ?? optionalString(params, "currency")?.toLowerCase() ?? null;
  if (lineItems.some((item) => item.currency !== currency)) {
    throw new StripeApiError(400, "invalid_request_error", "All line items must use the same currency.", { param: "line_items" });
  }
  const total = mode === "payment" ? lineItems.reduce((sum, item) => sum + item.amount_total, 0) : null;
  const id = stripeId(`cs_test`, 58);
  const session: CheckoutSession = {
    id,
    object: "checkout.session",
    url: `${state.apiUrl}/checkout/${id}`,
    mode,
    status: "open",
    payment_status: mode === "payment" ? "unpaid" : "no_payment_required",
    amount_subtotal: total,
    amount_total: total,
    currency,
    client_reference_id: optionalString(params, "client_reference_id"),
    metadata: metadataAt(params, "metadata"),
    payment_intent: null,
    setup_intent: null,
    customer,
    customer_email: optionalString(params, "customer_email"),
    customer_details: null,
    success_url: successUrl,
    cancel_url: optionalString(params, "cancel_url"),
    created: now(),
    expires_at: optionalInteger(params, "expires_at") ?? now() + 24 * 3600,
    livemode: false,
  };
  state.sessions.set(id, session);
  state.sessionExtras.set(id, {
    lineItems,
    paymentIntentMetadata: metadataAt(params, "payment_intent_data.metadata"),
    setupIntentMetadata: metadataAt(params, "setup_intent_data.metadata"),
    description: lineItems.map((item) => item.description).join(", "),
  });
  return session;
}

function readLineItems(params: FormObject): LineItem[] {
  return listAt(params, "line_items").map((_, i) => {
    const base = `line_items.${i}`;
    if (optionalString(params, `${base}.price`)) throw new StripeApiError(400, "invalid_request_error", "The fake takes price_data only, not saved prices.", { param: `line_items[${i}][price]` });
    const unitAmount = requiredInteger(params, `${base}.price_data.unit_amount`);
    const quantity = optionalInteger(params, `${base}.quantity`) ?? 1;
    if (unitAmount < 0 || quantity < 1) throw new ParamError(`line_items[${i}][price_data][unit_amount]`, "Invalid non-negative integer", "parameter_invalid_integer");
    return {
      id: stripeId("li"),
      object: "item" as const,
      description: requiredString(params, `${base}.price_data.product_data.name`),
      quantity,
      currency: requiredString(params, `${base}.price_data.currency`).toLowerCase(),
      amount_subtotal: unitAmount * quantity,
      amount_total: unitAmount * quantity,
    };
  });
}

export interface PayOptions {
  outcome?: PayOutcome;
  email?: string;
  card?: Partial<CardDetails>;
}

/** What the hosted page's Pay (or Decline) does to a session; returns the events to send, in order. */
export function paySession(state: StripeState, sessionId: string, options: PayOptions = {}): StripeEvent[] {
  const session = state.sessions.get(sessionId);
  if (!session) throw missing("checkout.session", sessionId);
  if (session.status !== "open") throw new StripeApiError(400, "invalid_request_error", `This Checkout Session is ${session.status}.`, { code: "checkout_session_not_open" });
  const email = options.email ?? session.customer_email ?? state.customers.get(session.customer ?? "")?.email ?? "payer@example.com";
  const card: CardDetails = { ...TEST_CARD, ...options.card };
  session.customer_details = { email, name: null };
  if (session.mode === "setup") return completeSetup(state, session, card, email);

  const extras = state.sessionExtras.get(session.id);
  const intent = intentFor(state, session, extras?.paymentIntentMetadata ?? {}, extras?.description ?? null, email);
  const outcome = options.outcome ?? "succeeded";
  if (outcome === "failed") {
    intent.status = "requires_payment_method";
    intent.last_payment_error = { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined.", payment_method: null };
    session.customer_details = null;
    return [state.event("payment_intent.payment_failed", intent)];
  }
  session.status = "complete";
  const method = state.paymentMethod(card, session.customer, email);
  if (outcome === "succeeded") {
    state.charge(intent, card, email, method.id);
    session.payment_status = "paid";
    return [state.event("checkout.session.completed", session), state.event("payment_intent.succeeded", intent)];
  }
  // a delayed method (bank debit): the session completes unpaid, the money comes (or not) later
  intent.status = "processing";
  intent.payment_method = method.id;
  const events = [state.event("checkout.session.completed", session)];
  if (outcome === "async") events.push(...finishAsync(state, session.id, "succeeded"));
  if (outcome === "async_failed") events.push(...finishAsync(state, session.id, "failed"));
  return events;
}

function intentFor(state: StripeState, session: CheckoutSession, metadata: Record<string, string>, description: string | null, email: string): PaymentIntent {
  const existing = session.payment_intent ? state.paymentIntents.get(session.payment_intent) : undefined;
  if (existing) return existing;
  const intent: PaymentIntent = {
    id: stripeId("pi"),
    object: "payment_intent",
    amount: session.amount_total ?? 0,
    amount_received: 0,
    currency: session.currency ?? "usd",
    status: "requires_payment_method",
    customer: session.customer,
    payment_method: null,
    latest_charge: null,
    metadata: { ...metadata },
    description,
    receipt_email: email,
    last_payment_error: null,
    created: now(),
    livemode: false,
  };
  state.paymentIntents.set(intent.id, intent);
  session.payment_intent = intent.id;
  return intent;
}

/** Settles a session left "processing" by an async outcome. */
export function finishAsync(state: StripeState, sessionId: string, result: "succeeded" | "failed"): StripeEvent[] {
  const session = state.sessions.get(sessionId);
  const intent = session?.payment_intent ? state.paymentIntents.get(session.payment_intent) : undefined;
  if (!session || !intent || intent.status !== "processing") throw new Error(`Session ${sessionId} has no payment waiting for an async result`);
  const method = intent.payment_method ? state.paymentMethods.get(intent.payment_method) : undefined;
  if (result === "failed") {
    intent.status = "requires_payment_method";
    intent.last_payment_error = { type: "card_error", code: "payment_method_provider_decline", decline_code: null, message: "The bank declined the debit.", payment_method: null };
    return [state.event("checkout.session.async_payment_failed", session), state.event("payment_intent.payment_failed", intent)];
  }
  state.charge(intent, method?.card ?? TEST_CARD, session.customer_details?.email ?? null, method?.id ?? null);
  session.payment_status = "paid";
  return [state.event("checkout.session.async_payment_succeeded", session), state.event("payment_intent.succeeded", intent)];
}

function completeSetup(state: StripeState, session: CheckoutSession, card: CardDetails, email: string): StripeEvent[] {
  const customer = session.customer ? state.customer(session.customer) : createCustomer(state, { email });
  session.customer = customer.id;
  const method = state.paymentMethod(card, customer.id, email);
  const setupIntent: SetupIntent = {
    id: stripeId("seti"),
    object: "setup_intent",
    status: "succeeded",
    customer: customer.id,
    payment_method: method.id,
    usage: "off_session",
    metadata: { ...state.sessionExtras.get(session.id)?.setupIntentMetadata },
    created: now(),
    livemode: false,
  };
  state.setupIntents.set(setupIntent.id, setupIntent);
  session.setup_intent = setupIntent.id;
  session.status = "complete";
  return [state.event("checkout.session.completed", session)];
}

/** POST /v1/payment_intents: the app charges a saved card (off_session + confirm). */
export function createPaymentIntent(state: StripeState, params: FormObject): { intent: PaymentIntent; events: StripeEvent[] } {
  const amount = requiredInteger(params, "amount");
  if (amount < 1) throw new StripeApiError(400, "invalid_request_error", "Amount must be at least 1.", { code: "amount_too_small", param: "amount" });
  const customerId = optionalString(params, "customer");
  if (customerId) state.customer(customerId);
  const methodId = optionalString(params, "payment_method");
  const method = methodId ? state.paymentMethods.get(methodId) : undefined;
  if (methodId && !method) throw missing("PaymentMethod", methodId, "payment_method");
  if (method && method.customer !== customerId) {
    throw new StripeApiError(400, "invalid_request_error", `The provided PaymentMethod ${methodId} was previously used without being attached to a Customer or was detached.`, { param: "payment_method" });
  }
  const intent: PaymentIntent = {
    id: stripeId("pi"),
    object: "payment_intent",
    amount,
    amount_received: 0,
    currency: requiredString(params, "currency").toLowerCase(),
    status: "requires_payment_method",
    customer: customerId,
    payment_method: methodId,
    latest_charge: null,
    metadata: metadataAt(params, "metadata"),
    description: optionalString(params, "description"),
    receipt_email: optionalString(params, "receipt_email"),
    last_payment_error: null,
    created: now(),
    livemode: false,
  };
  state.paymentIntents.set(intent.id, intent);
  if (!optionalBoolean(params, "confirm") || !method) {
    intent.status = method ? "requires_confirmation" : "requires_payment_method";
    return { intent, events: [state.event("payment_intent.created", intent)] };
  }
  const decline = state.declines.get(method.id);
  if (decline) {
    intent.last_payment_error = { type: "card_error", ...decline, payment_method: structuredClone(method) };
    const event = state.event("payment_intent.payment_failed", intent);
    throw new CardDeclined(intent, decline, [event]);
  }
  state.charge(intent, method.card, method.billing_details.email, method.id);
  return { intent, events: [state.event("payment_intent.succeeded", intent)] };
}

/** A 402 card_error that still sends its payment_intent.payment_failed event. */
export class CardDeclined extends StripeApiError {
  constructor(
    intent: PaymentIntent,
    decline: { code: string; decline_code: string; message: string },
    readonly events: StripeEvent[],
  ) {
    super(402, "card_error", decline.message, { code: decline.code, decline_code: decline.decline_code, payment_intent: structuredClone(intent), param: "payment_method" });
  }
}

export function detachPaymentMethod(state: StripeState, id: string) {
  const method = state.paymentMethods.get(id);
  if (!method) throw missing("PaymentMethod", id);
  if (!method.customer) throw new StripeApiError(400, "invalid_request_error", `The payment method ${id} is not attached to a customer.`);
  method.customer = null;
  return { method, events: [state.event("payment_method.detached", method)] };
}

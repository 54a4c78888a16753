import { randomBytes } from "node:crypto";
import { currencyExponent } from "../../lib/money";
import type {
  BalanceTransaction,
  CardDetails,
  Charge,
  CheckoutSession,
  Customer,
  Dispute,
  LineItem,
  Metadata,
  PaymentIntent,
  PaymentMethod,
  Refund,
  SetupIntent,
  StripeEvent,
} from "./stripe-types";

/** The API version the SDK in package.json pins (sent as Stripe-Version); events carry it. */
export const FAKE_API_VERSION = "2026-10-28.endive";

/** A refusal in Stripe's error shape: { error: { type, code, message, param } } with an HTTP status. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: "invalid_request_error" | "card_error" | "idempotency_error" | "api_error",
    message: string,
    readonly extra: { code?: string; param?: string; decline_code?: string; payment_intent?: PaymentIntent } = {},
  ) {
    super(message);
  }
}

export function missing(kind: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(404, "invalid_request_error", `No such ${kind}: '${id}'`, { code: "resource_missing", param });
}

/** What the checkout request said that the public session object does not show. */
export interface SessionExtras {
  lineItems: LineItem[];
  paymentIntentMetadata: Metadata;
  setupIntentMetadata: Metadata;
  description: string;
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function stripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${id}`;
}

export function now(): number {
  return Math.floor(Date.now() / 1000);
}

export const TEST_CARD: CardDetails = { brand: "visa", last4: "4242", exp_month: 12, exp_year: new Date().getFullYear() + 3, funding: "credit", country: "US" };

/** Everything the fake Stripe account holds. Maps are keyed by object id. */
export class StripeState {
  readonly sessions = new Map<string, CheckoutSession>();
  readonly sessionExtras = new Map<string, SessionExtras>();
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly balanceTransactions = new Map<string, BalanceTransaction>();
  readonly customers = new Map<string, Customer>();
  readonly paymentMethods = new Map<string, PaymentMethod>();
  readonly setupIntents = new Map<string, SetupIntent>();
  readonly disputes = new Map<string, Dispute>();
  readonly events = new Map<string, StripeEvent>();
  /** saved cards told to decline off-session charges, by payment method id */
  readonly declines = new Map<string, { code: string; decline_code: string; message: string }>();

  /** http://127.0.0.1:PORT, known once the server listens (session urls point at it) */
  apiUrl = "";

  /** An event with a snapshot of the object as it is now (later changes do not show in it). */
  event(type: string, object: object, previous?: object): StripeEvent {
    const event: StripeEvent = {
      id: stripeId("evt"),
      object: "event",
      api_version: FAKE_API_VERSION,
      created: now(),
      type,
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: structuredClone(previous) } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    };
    this.events.set(event.id, event);
    return event;
  }

  customer(id: string, param = "customer"): Customer {
    const customer = this.customers.get(id);
    if (!customer) throw missing("customer", id, param);
    return customer;
  }

  paymentIntent(id: string, param = "payment_intent"): PaymentIntent {
    const intent = this.paymentIntents.get(id);
    if (!intent) throw missing("payment_intent", id, param);
    return intent;
  }

  /** The succeeded charge behind a payment intent (refunds and disputes act on it). */
  chargeOf(paymentIntentId: string, param = "payment_intent"): Charge {
    const intent = this.paymentIntent(paymentIntentId, param);
    const charge = intent.latest_charge ? this.charges.get(intent.latest_charge) : undefined;
    if (!charge || charge.status !== "succeeded") {
      throw new StripeApiError(400, "invalid_request_error", `This PaymentIntent (${paymentIntentId}) does not have a successful charge to refund.`, { code: "charge_not_refundable", param });
    }
    return charge;
  }

  /** Creates a charge with its balance transaction (fee like Stripe's 2.9% + 30¢) for an intent. */
  charge(intent: PaymentIntent, card: CardDetails, email: string | null, paymentMethodId: string | null): Charge {
    const chargeId = stripeId("ch");
    const fee = stripeFee(intent.amount, intent.currency);
    const txn: BalanceTransaction = {
      id: stripeId("txn"),
      object: "balance_transaction",
      amount: intent.amount,
      currency: intent.currency,
      fee,
      net: intent.amount - fee,
      fee_details: [{ amount: fee, currency: intent.currency, type: "stripe_fee", description: "Stripe processing fees" }],
      type: "charge",
      reporting_category: "charge",
      source: chargeId,
      status: "available",
      created: now(),
      available_on: now(),
    };
    this.balanceTransactions.set(txn.id, txn);
    const charge: Charge = {
      id: chargeId,
      object: "charge",
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: 0,
      currency: intent.currency,
      status: "succeeded",
      paid: true,
      captured: true,
      refunded: false,
      disputed: false,
      payment_intent: intent.id,
      payment_method: paymentMethodId,
      customer: intent.customer,
      balance_transaction: txn.id,
      refunds: { object: "list", data: [], has_more: false, total_count: 0, url: `/v1/charges/${chargeId}/refunds` },
      metadata: { ...intent.metadata },
      billing_details: { email, name: null },
      payment_method_details: { type: "card", card: { ...card } },
      failure_code: null,
      failure_message: null,
      created: now(),
      livemode: false,
    };
    this.charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    intent.amount_received = intent.amount;
    intent.status = "succeeded";
    intent.payment_method = paymentMethodId;
    intent.last_payment_error = null;
    return charge;
  }

  paymentMethod(card: CardDetails, customerId: string | null, email: string | null): PaymentMethod {
    const method: PaymentMethod = {
      id: stripeId("pm"),
      object: "payment_method",
      type: "card",
      card: { ...card },
      customer: customerId,
      billing_details: { email, name: null },
      metadata: {},
      created: now(),
      livemode: false,
    };
    this.paymentMethods.set(method.id, method);
    return method;
  }

  /** Any stored object by id, chosen by its prefix (for retrieve and expand). */
  lookup(id: string): object | undefined {
    const prefix = id.slice(0, id.indexOf("_"));
    const maps: Record<string, Map<string, object>> = {
      cs: this.sessions,
      pi: this.paymentIntents,
      ch: this.charges,
      re: this.refunds,
      txn: this.balanceTransactions,
      cus: this.customers,
      pm: this.paymentMethods,
      seti: this.setupIntents,
      dp: this.disputes,
      evt: this.events,
    };
    return maps[prefix]?.get(id);
  }

  /** A copy of the object with the dotted expand paths replaced by the objects they name. */
  expand(object: object, paths: string[]): object {
    const copy: object = structuredClone(object);
    for (const path of paths) this.expandPath(copy, path.split("."));
    return copy;
  }

  private expandPath(target: object, parts: string[]): void {
    const [field, ...rest] = parts;
    if (!field) return;
    const value: unknown = Reflect.get(target, field);
    if (typeof value === "string") {
      const found = this.lookup(value);
      if (!found) return;
      const copy: object = structuredClone(found);
      Reflect.set(target, field, copy);
      this.expandPath(copy, rest);
    } else if (typeof value === "object" && value !== null) {
      this.expandPath(value, rest);
    }
  }
}

function stripeFee(amount: number, currency: string): number {
  const exponent = currencyExponent(currency.toUpperCase());
  const fixed = exponent === 0 ? 0 : 30 * 10 ** (exponent - 2);
  // integer rounding half up of 2.9%
  return Math.floor((amount * 29 + 500) / 1000) + fixed;
}

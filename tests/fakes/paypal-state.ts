import { randomBytes } from "node:crypto";
import { currencyExponent, minorToDecimalString, parseMoney } from "../../lib/money";
import type { ApprovalOutcome, PayPalCapture, PayPalEvent, PayPalLink, PayPalMoney, PayPalOrder, PayPalRefund } from "./paypal-types";

// The fake PayPal account: orders, captures, refunds, and the events they make. Money is checked
// and added in minor units (lib/money.ts), never as floats.

export class PayPalApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: "INVALID_REQUEST" | "UNPROCESSABLE_ENTITY" | "RESOURCE_NOT_FOUND" | "AUTHENTICATION_FAILURE",
    readonly issue: string,
    readonly description: string,
    readonly field?: string,
  ) {
    super(description);
  }
}

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** PayPal's 17-character ids, e.g. 5O190127TN364715T */
export function paypalId(length = 17): string {
  let id = "";
  for (const byte of randomBytes(length)) id += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return id;
}

function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Minor units of a PayPal amount, refusing what PayPal refuses (bad format, too many decimals). */
export function toMinor(money: PayPalMoney, field: string): bigint {
  if (!/^[A-Z]{3}$/.test(money.currency_code)) {
    throw new PayPalApiError(400, "INVALID_REQUEST", "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.", `${field}/currency_code`);
  }
  let exponent: number;
  try {
    exponent = currencyExponent(money.currency_code);
  } catch {
    throw new PayPalApiError(422, "UNPROCESSABLE_ENTITY", "CURRENCY_NOT_SUPPORTED", "Currency code is not currently supported.", `${field}/currency_code`);
  }
  if (!/^\d{1,10}(\.\d+)?$/.test(money.value)) throw new PayPalApiError(400, "INVALID_REQUEST", "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.", `${field}/value`);
  const parsed = parseMoney(money.value, money.currency_code);
  if (!parsed.ok || (money.value.split(".")[1] ?? "").length > exponent) {
    throw new PayPalApiError(422, "UNPROCESSABLE_ENTITY", "DECIMAL_PRECISION", "If the currency supports decimals, only two decimal place precision is supported.", `${field}/value`);
  }
  return parsed.minor;
}

export function money(minor: bigint, currency: string): PayPalMoney {
  return { currency_code: currency, value: minorToDecimalString(minor, currency) };
}

/** PayPal's standard rate in the fake: 3.49% + 0.49 (none for zero-decimal currencies' fixed part). */
function fee(minor: bigint, currency: string): bigint {
  const exponent = currencyExponent(currency);
  const fixed = exponent === 0 ? 0n : 49n * 10n ** BigInt(exponent - 2);
  return (minor * 349n + 5000n) / 10000n + fixed;
}

export class PayPalState {
  readonly orders = new Map<string, PayPalOrder>();
  readonly captures = new Map<string, PayPalCapture>();
  readonly refunds = new Map<string, PayPalRefund>();
  readonly events = new Map<string, PayPalEvent>();
  /** what each approved order's capture will do */
  readonly approvals = new Map<string, ApprovalOutcome>();
  apiUrl = "";

  link(path: string, rel: string, method: PayPalLink["method"] = "GET"): PayPalLink {
    return { href: `${this.apiUrl}${path}`, rel, method };
  }

  order(id: string): PayPalOrder {
    const order = this.orders.get(id);
    if (!order) throw new PayPalApiError(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist. Please check the resource ID and try again.");
    return order;
  }

  capture(id: string): PayPalCapture {
    const capture = this.captures.get(id);
    if (!capture) throw new PayPalApiError(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist. Please check the resource ID and try again.");
    return capture;
  }

  createOrder(input: { intent: "CAPTURE" | "AUTHORIZE"; units: { amount: PayPalMoney; invoice_id?: string; custom_id?: string; description?: string; reference_id?: string }[] }): PayPalOrder {
    const id = paypalId();
    const order: PayPalOrder = {
      id,
      intent: input.intent,
      status: "CREATED",
      purchase_units: input.units.map((unit, i) => ({
        reference_id: unit.reference_id ?? (i === 0 ? "default" : String(i)),
        amount: { ...unit.amount },
        payee: { email_address: "merchant@example.com", merchant_id: "FAKEMERCHANT01" },
        ...(unit.invoice_id ? { invoice_id: unit.invoice_id } : {}),
        ...(unit.custom_id ? { custom_id: unit.custom_id } : {}),
        ...(unit.description ? { description: unit.description } : {}),
      })),
      create_time: isoNow(),
      update_time: isoNow(),
      links: [
        this.link(`/v2/checkout/orders/${id}`, "self"),
        this.link(`/fake/approve/${id}`, "approve"),
        this.link(`/v2/checkout/orders/${id}`, "update", "PATCH"),
        this.link(`/v2/checkout/orders/${id}/capture`, "capture", "POST"),
      ],
    };
    this.orders.set(id, order);
    return order;
  }

  /** What the buyer does in PayPal's window. */
  approve(orderId: string, outcome: ApprovalOutcome = "COMPLETED", payerEmail = "buyer@example.com"): PayPalOrder {
    const order = this.order(orderId);
    if (order.status !== "CREATED" && order.status !== "APPROVED") throw new Error(`Order ${orderId} is ${order.status} and cannot be approved`);
    order.status = "APPROVED";
    order.update_time = isoNow();
    order.payer = { name: { given_name: "Test", surname: "Buyer" }, email_address: payerEmail, payer_id: paypalId(13), address: { country_code: "US" } };
    this.approvals.set(orderId, outcome);
    return order;
  }

  /** POST /v2/checkout/orders/:id/capture */
  captureOrder(orderId: string): { order: PayPalOrder; events: PayPalEvent[] } {
    const order = this.order(orderId);
    if (order.status === "COMPLETED") {
      throw new PayPalApiError(422, "UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED", "Order already captured. If 'intent=CAPTURE' only one capture per order is allowed.");
    }
    if (order.status !== "APPROVED") {
      throw new PayPalApiError(
        422,
        "UNPROCESSABLE_ENTITY",
        "ORDER_NOT_APPROVED",
        "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.",
      );
    }
    const outcome = this.approvals.get(orderId) ?? "COMPLETED";
    if (outcome === "DECLINED") {
      // the buyer has to approve again with another funding source
      order.status = "CREATED";
      throw new PayPalApiError(422, "UNPROCESSABLE_ENTITY", "INSTRUMENT_DECLINED", "The instrument presented was either declined by the processor or bank, or it can't be used for this payment.");
    }
    const unit = order.purchase_units[0];
    if (!unit) throw new Error("order without purchase units");
    const gross = toMinor(unit.amount, "/purchase_units/0/amount");
    const currency = unit.amount.currency_code;
    const paypalFee = fee(gross, currency);
    const id = paypalId();
    const capture: PayPalCapture = {
      id,
      status: outcome,
      ...(outcome === "PENDING" ? { status_details: { reason: "PENDING_REVIEW" } } : {}),
      amount: { ...unit.amount },
      final_capture: true,
      seller_protection: { status: "ELIGIBLE", dispute_categories: ["ITEM_NOT_RECEIVED", "UNAUTHORIZED_TRANSACTION"] },
      seller_receivable_breakdown: { gross_amount: { ...unit.amount }, paypal_fee: money(paypalFee, currency), net_amount: money(gross - paypalFee, currency) },
      ...(unit.invoice_id ? { invoice_id: unit.invoice_id } : {}),
      ...(unit.custom_id ? { custom_id: unit.custom_id } : {}),
      supplementary_data: { related_ids: { order_id: order.id } },
      create_time: isoNow(),
      update_time: isoNow(),
      links: [
        this.link(`/v2/payments/captures/${id}`, "self"),
        this.link(`/v2/payments/captures/${id}/refund`, "refund", "POST"),
        this.link(`/v2/checkout/orders/${order.id}`, "up"),
      ],
    };
    this.captures.set(id, capture);
    unit.payments = { captures: [capture] };
    order.status = "COMPLETED";
    order.update_time = isoNow();
    const type = outcome === "PENDING" ? "PAYMENT.CAPTURE.PENDING" : "PAYMENT.CAPTURE.COMPLETED";
    return { order, events: [this.event(type, capture)] };
  }

  /** A pending capture clears or is denied. */
  settleCapture(captureId: string, result: "COMPLETED" | "DENIED"): PayPalEvent {
    const capture = this.capture(captureId);
    if (capture.status !== "PENDING") throw new Error(`Capture ${captureId} is ${capture.status}, not PENDING`);
    capture.status = result === "COMPLETED" ? "COMPLETED" : "DECLINED";
    delete capture.status_details;
    capture.update_time = isoNow();
    return this.event(result === "COMPLETED" ? "PAYMENT.CAPTURE.COMPLETED" : "PAYMENT.CAPTURE.DENIED", capture);
  }

  refund(captureId: string, input: { amount?: PayPalMoney; invoice_id?: string; note_to_payer?: string; custom_id?: string }, reversal = false): { refund: PayPalRefund; events: PayPalEvent[] } {
    const capture = this.capture(captureId);
    if (capture.status === "REFUNDED") throw new PayPalApiError(422, "UNPROCESSABLE_ENTITY", "CAPTURE_FULLY_REFUNDED", "The capture has already been fully refunded.");
    if (capture.status !== "COMPLETED" && capture.status !== "PARTIALLY_REFUNDED") {
      throw new PayPalApiError(422, "UNPROCESSABLE_ENTITY", "INVALID_RESOURCE_ID", `A capture that is ${capture.status} cannot be refunded.`);
    }
    const currency = capture.amount.currency_code;
    if (input.amount && input.amount.currency_code !== currency) {
      throw new PayPalApiError(422, "UNPROCESSABLE_ENTITY", "REFUND_CURRENCY_MISMATCH", "Refund must be in the same currency as the capture.", "/amount/currency_code");
    }
    const captured = toMinor(capture.amount, "/amount");
    const already = this.refundedMinor(capture.id);
    const amount = input.amount ? toMinor(input.amount, "/amount") : captured - already;
    if (amount <= 0n) throw new PayPalApiError(422, "UNPROCESSABLE_ENTITY", "AMOUNT_BELOW_MINIMUM", "The refund amount must be greater than zero.", "/amount/value");
    if (already + amount > captured) {
      throw new PayPalApiError(422, "UNPROCESSABLE_ENTITY", "REFUND_AMOUNT_EXCEEDED", "The refund amount must be less than or equal to the capture amount that has not yet been refunded.", "/amount/value");
    }
    const id = paypalId();
    const refund: PayPalRefund = {
      id,
      status: "COMPLETED",
      amount: money(amount, currency),
      ...(input.invoice_id ?? capture.invoice_id ? { invoice_id: input.invoice_id ?? capture.invoice_id } : {}),
      ...(input.custom_id ?? capture.custom_id ? { custom_id: input.custom_id ?? capture.custom_id } : {}),
      ...(input.note_to_payer ? { note_to_payer: input.note_to_payer } : {}),
      seller_payable_breakdown: {
        gross_amount: money(amount, currency),
        paypal_fee: money(0n, currency),
        net_amount: money(amount, currency),
        total_refunded_amount: money(already + amount, currency),
      },
      create_time: isoNow(),
      update_time: isoNow(),
      links: [this.link(`/v2/payments/refunds/${id}`, "self"), this.link(`/v2/payments/captures/${capture.id}`, "up")],
    };
    this.refunds.set(id, refund);
    capture.status = already + amount === captured ? "REFUNDED" : "PARTIALLY_REFUNDED";
    capture.update_time = isoNow();
    return { refund, events: [this.event(reversal ? "PAYMENT.CAPTURE.REVERSED" : "PAYMENT.CAPTURE.REFUNDED", refund)] };
  }

  private refundedMinor(captureId: string): bigint {
    let total = 0n;
    for (const refund of this.refunds.values()) {
      if (refund.links.some((link) => link.rel === "up" && link.href.endsWith(`/captures/${captureId}`))) total += toMinor(refund.amount, "/amount");
    }
    return total;
  }

  /** A webhook event with a snapshot of the resource as it is now. */
  event(type: string, resource: object): PayPalEvent {
    const id = `WH-${paypalId()}-${paypalId()}`;
    const amount: unknown = Reflect.get(resource, "amount");
    const shown = typeof amount === "object" && amount !== null ? `${String(Reflect.get(amount, "currency_code"))} ${String(Reflect.get(amount, "value"))}` : "";
    const event: PayPalEvent = {
      id,
      event_version: "1.0",
      create_time: isoNow(),
      resource_type: type.startsWith("CHECKOUT.ORDER") ? "checkout-order" : /REFUNDED|REVERSED/.test(type) ? "refund" : "capture",
      resource_version: "2.0",
      event_type: type,
      summary: `${type.toLowerCase().replaceAll(".", " ")} ${shown}`.trim(),
      resource: structuredClone(resource),
      links: [this.link(`/v1/notifications/webhooks-events/${id}`, "self"), this.link(`/v1/notifications/webhooks-events/${id}/resend`, "resend", "POST")],
    };
    this.events.set(id, event);
    return event;
  }
}

import { metadataAt, optionalBoolean, optionalInteger, optionalString, type FormObject } from "./stripe-form";
import { StripeApiError, missing, now, stripeId, type StripeState } from "./stripe-state";
import type { BalanceTransaction, Dispute, Refund, StripeEvent } from "./stripe-types";

// Money going back: refunds (through the API or "in the dashboard") and disputes.

export interface RefundRequest {
  paymentIntentId?: string | null;
  chargeId?: string | null;
  amount?: number | null;
  reason?: string | null;
  metadata?: Record<string, string>;
}

export function refundFromParams(params: FormObject): RefundRequest {
  const reason = optionalString(params, "reason");
  if (reason && !["duplicate", "fraudulent", "requested_by_customer"].includes(reason)) {
    throw new StripeApiError(400, "invalid_request_error", `Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer`, { param: "reason" });
  }
  return {
    paymentIntentId: optionalString(params, "payment_intent"),
    chargeId: optionalString(params, "charge"),
    amount: optionalInteger(params, "amount"),
    reason,
    metadata: metadataAt(params, "metadata"),
  };
}

export function createRefund(state: StripeState, request: RefundRequest): { refund: Refund; events: StripeEvent[] } {
  const charge = request.chargeId ? state.charges.get(request.chargeId) : request.paymentIntentId ? state.chargeOf(request.paymentIntentId) : undefined;
  if (!charge) {
    if (request.chargeId) throw missing("charge", request.chargeId, "charge");
    throw new StripeApiError(400, "invalid_request_error", "One of the following params should be provided for this request: payment_intent or charge.");
  }
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0) throw new StripeApiError(400, "invalid_request_error", `Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded" });
  const amount = request.amount ?? remaining;
  if (amount < 1) throw new StripeApiError(400, "invalid_request_error", "Amount must be at least 1.", { code: "amount_too_small", param: "amount" });
  if (amount > remaining) {
    throw new StripeApiError(400, "invalid_request_error", `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, { code: "amount_too_large", param: "amount" });
  }
  const refundId = stripeId("re");
  const txn = balanceEntry(state, -amount, charge.currency, refundId, "refund");
  const refund: Refund = {
    id: refundId,
    object: "refund",
    amount,
    currency: charge.currency,
    charge: charge.id,
    payment_intent: charge.payment_intent,
    status: "succeeded",
    reason: request.reason ?? null,
    failure_reason: null,
    metadata: { ...request.metadata },
    balance_transaction: txn.id,
    created: now(),
  };
  state.refunds.set(refund.id, refund);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  charge.refunds.data.unshift(refund);
  charge.refunds.total_count += 1;
  return { refund, events: [state.event("charge.refunded", charge, previous), state.event("refund.created", refund)] };
}

function balanceEntry(state: StripeState, amount: number, currency: string, source: string, type: "refund" | "adjustment"): BalanceTransaction {
  const txn: BalanceTransaction = {
    id: stripeId("txn"),
    object: "balance_transaction",
    amount,
    currency,
    fee: 0,
    net: amount,
    fee_details: [],
    type,
    reporting_category: type === "refund" ? "refund" : "dispute",
    source,
    status: "available",
    created: now(),
    available_on: now(),
  };
  state.balanceTransactions.set(txn.id, txn);
  return txn;
}

export function openDispute(state: StripeState, paymentIntentId: string, options: { amount?: number; reason?: string } = {}): { dispute: Dispute; event: StripeEvent } {
  const charge = state.chargeOf(paymentIntentId);
  const dispute: Dispute = {
    id: stripeId("dp"),
    object: "dispute",
    amount: options.amount ?? charge.amount - charge.amount_refunded,
    currency: charge.currency,
    reason: options.reason ?? "fraudulent",
    status: "needs_response",
    charge: charge.id,
    payment_intent: charge.payment_intent,
    evidence: { uncategorized_text: null, product_description: null, customer_email_address: null },
    evidence_details: { due_by: now() + 7 * 24 * 3600, has_evidence: false, past_due: false, submission_count: 0 },
    is_charge_refundable: false,
    metadata: {},
    created: now(),
    livemode: false,
  };
  state.disputes.set(dispute.id, dispute);
  charge.disputed = true;
  return { dispute, event: state.event("charge.dispute.created", dispute) };
}

export function closeDispute(state: StripeState, disputeId: string, status: "won" | "lost"): StripeEvent {
  const dispute = disputeOrMissing(state, disputeId);
  if (dispute.status === "won" || dispute.status === "lost") throw new Error(`Dispute ${disputeId} is already ${dispute.status}`);
  const previous = { status: dispute.status };
  dispute.status = status;
  if (status === "lost") balanceEntry(state, -dispute.amount, dispute.currency, dispute.id, "adjustment");
  return state.event("charge.dispute.closed", dispute, previous);
}

/** POST /v1/disputes/:id: evidence[...] stored; submit=true sends it (status under_review). */
export function updateDispute(state: StripeState, disputeId: string, params: FormObject): { dispute: Dispute; events: StripeEvent[] } {
  const dispute = disputeOrMissing(state, disputeId);
  if (dispute.status === "won" || dispute.status === "lost" || dispute.status === "under_review") {
    throw new StripeApiError(400, "invalid_request_error", `This dispute is ${dispute.status.replace("_", " ")} and its evidence can no longer be changed.`);
  }
  const previous = { status: dispute.status, evidence: structuredClone(dispute.evidence) };
  const text = optionalString(params, "evidence.uncategorized_text");
  if (text !== null) dispute.evidence.uncategorized_text = text;
  const description = optionalString(params, "evidence.product_description");
  if (description !== null) dispute.evidence.product_description = description;
  const email = optionalString(params, "evidence.customer_email_address");
  if (email !== null) dispute.evidence.customer_email_address = email;
  Object.assign(dispute.metadata, metadataAt(params, "metadata"));
  dispute.evidence_details.has_evidence = Object.values(dispute.evidence).some((value) => value !== null);
  if (optionalBoolean(params, "submit")) {
    dispute.status = "under_review";
    dispute.evidence_details.submission_count += 1;
  }
  return { dispute, events: [state.event("charge.dispute.updated", dispute, previous)] };
}

function disputeOrMissing(state: StripeState, id: string): Dispute {
  const dispute = state.disputes.get(id);
  if (!dispute) throw missing("dispute", id);
  return dispute;
}

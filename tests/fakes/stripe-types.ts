// The Stripe objects the fake keeps, in the API's own shape (snake_case, amounts as integers of
// the currency's minor unit, lowercase currency codes, ids that expand into objects).

export type Metadata = Record<string, string>;

export interface StripeList<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  total_count: number;
  url: string;
}

export interface CardDetails {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  funding: "credit" | "debit";
  country: string;
}

export interface CheckoutSession {
  id: string;
  object: "checkout.session";
  url: string | null;
  mode: "payment" | "setup";
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid" | "no_payment_required";
  amount_subtotal: number | null;
  amount_total: number | null;
  currency: string | null;
  client_reference_id: string | null;
  metadata: Metadata;
  payment_intent: string | null;
  setup_intent: string | null;
  customer: string | null;
  customer_email: string | null;
  customer_details: { email: string | null; name: string | null } | null;
  success_url: string | null;
  cancel_url: string | null;
  created: number;
  expires_at: number;
  livemode: false;
}

export interface LineItem {
  id: string;
  object: "item";
  description: string;
  quantity: number;
  currency: string;
  amount_subtotal: number;
  amount_total: number;
}

export interface PaymentError {
  type: "card_error";
  code: string;
  decline_code: string | null;
  message: string;
  payment_method: PaymentMethod | null;
}

export interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  status: "requires_payment_method" | "requires_confirmation" | "requires_action" | "processing" | "succeeded" | "canceled";
  customer: string | null;
  payment_method: string | null;
  latest_charge: string | null;
  metadata: Metadata;
  description: string | null;
  receipt_email: string | null;
  last_payment_error: PaymentError | null;
  created: number;
  livemode: false;
}

export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string | null;
  status: "pending" | "succeeded" | "failed" | "canceled";
  reason: string | null;
  failure_reason: string | null;
  metadata: Metadata;
  balance_transaction: string | null;
  created: number;
}

export interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  currency: string;
  status: "succeeded" | "pending" | "failed";
  paid: boolean;
  captured: boolean;
  refunded: boolean;
  disputed: boolean;
  payment_intent: string | null;
  payment_method: string | null;
  customer: string | null;
  balance_transaction: string | null;
  refunds: StripeList<Refund>;
  metadata: Metadata;
  billing_details: { email: string | null; name: string | null };
  payment_method_details: { type: "card"; card: CardDetails };
  failure_code: string | null;
  failure_message: string | null;
  created: number;
  livemode: false;
}

export interface BalanceTransaction {
  id: string;
  object: "balance_transaction";
  amount: number;
  currency: string;
  fee: number;
  net: number;
  fee_details: { amount: number; currency: string; type: "stripe_fee"; description: string }[];
  type: "charge" | "refund" | "adjustment";
  reporting_category: "charge" | "refund" | "dispute";
  source: string;
  status: "available" | "pending";
  created: number;
  available_on: number;
}

export interface Customer {
  id: string;
  object: "customer";
  email: string | null;
  name: string | null;
  metadata: Metadata;
  invoice_settings: { default_payment_method: string | null };
  created: number;
  livemode: false;
}

export interface PaymentMethod {
  id: string;
  object: "payment_method";
  type: "card";
  card: CardDetails;
  customer: string | null;
  billing_details: { email: string | null; name: string | null };
  metadata: Metadata;
  created: number;
  livemode: false;
}

export interface SetupIntent {
  id: string;
  object: "setup_intent";
  status: "requires_payment_method" | "succeeded" | "canceled";
  customer: string | null;
  payment_method: string | null;
  usage: "off_session" | "on_session";
  metadata: Metadata;
  created: number;
  livemode: false;
}

export type DisputeStatus = "warning_needs_response" | "warning_under_review" | "warning_closed" | "needs_response" | "under_review" | "won" | "lost";

export interface Dispute {
  id: string;
  object: "dispute";
  amount: number;
  currency: string;
  reason: string;
  status: DisputeStatus;
  charge: string;
  payment_intent: string | null;
  evidence: { uncategorized_text: string | null; product_description: string | null; customer_email_address: string | null };
  evidence_details: { due_by: number; has_evidence: boolean; past_due: boolean; submission_count: number };
  is_charge_refundable: boolean;
  metadata: Metadata;
  created: number;
  livemode: false;
}

export type StripeObject = CheckoutSession | PaymentIntent | Charge | Refund | BalanceTransaction | Customer | PaymentMethod | SetupIntent | Dispute;

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  type: string;
  data: { object: object; previous_attributes?: object };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
}

export interface StripeDelivery {
  event: StripeEvent;
  /** the app's HTTP status, or null when it could not be reached */
  status: number | null;
  error?: string;
}

export type PayOutcome = "succeeded" | "failed" | "async" | "async_failed" | "async_pending";

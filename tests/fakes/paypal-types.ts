// PayPal REST objects as the fake keeps them (Orders v2, Payments v2, webhook events). Amounts are
// decimal strings in the currency's own precision ("12.50", JPY "1200").

export interface PayPalMoney {
  currency_code: string;
  value: string;
}

export interface PayPalLink {
  href: string;
  rel: string;
  method: "GET" | "POST" | "PATCH";
}

export type CaptureStatus = "COMPLETED" | "DECLINED" | "PARTIALLY_REFUNDED" | "PENDING" | "REFUNDED" | "FAILED";

export interface PayPalCapture {
  id: string;
  status: CaptureStatus;
  status_details?: { reason: string };
  amount: PayPalMoney;
  final_capture: boolean;
  seller_protection: { status: "ELIGIBLE"; dispute_categories: string[] };
  seller_receivable_breakdown: { gross_amount: PayPalMoney; paypal_fee: PayPalMoney; net_amount: PayPalMoney };
  invoice_id?: string;
  custom_id?: string;
  supplementary_data: { related_ids: { order_id: string } };
  create_time: string;
  update_time: string;
  links: PayPalLink[];
}

export interface PayPalRefund {
  id: string;
  status: "COMPLETED" | "PENDING" | "CANCELLED" | "FAILED";
  amount: PayPalMoney;
  invoice_id?: string;
  custom_id?: string;
  note_to_payer?: string;
  seller_payable_breakdown: { gross_amount: PayPalMoney; paypal_fee: PayPalMoney; net_amount: PayPalMoney; total_refunded_amount: PayPalMoney };
  create_time: string;
  update_time: string;
  links: PayPalLink[];
}

export interface PurchaseUnit {
  reference_id: string;
  amount: PayPalMoney;
  payee: { email_address: string; merchant_id: string };
  invoice_id?: string;
  custom_id?: string;
  description?: string;
  payments?: { captures: PayPalCapture[] };
}

export interface PayPalOrder {
  id: string;
  intent: "CAPTURE" | "AUTHORIZE";
  status: "CREATED" | "APPROVED" | "COMPLETED" | "VOIDED";
  purchase_units: PurchaseUnit[];
  payer?: { name: { given_name: string; surname: string }; email_address: string; payer_id: string; address: { country_code: string } };
  create_time: string;
  update_time: string;
  links: PayPalLink[];
}

export interface PayPalEvent {
  id: string;
  event_version: "1.0";
  create_time: string;
  resource_type: string;
  resource_version: "2.0";
  event_type: string;
  summary: string;
  resource: object;
  links: PayPalLink[];
}

export interface PayPalDelivery {
  event: PayPalEvent;
  body: string;
  headers: Record<string, string>;
  forged: boolean;
  /** the app's HTTP status, or null when it could not be reached */
  status: number | null;
  error?: string;
}

/** What the buyer's approval leads to when the app captures. */
export type ApprovalOutcome = "COMPLETED" | "PENDING" | "DECLINED";

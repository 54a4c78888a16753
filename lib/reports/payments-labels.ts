import type { PaymentStatus } from "@/db/schema/payments";
import { PAYMENT_METHOD_LABELS } from "@/lib/payments/schemas";

// How the payment reports name what they group by. Unknown keys (a value added to an enum later)
// print as stored rather than disappear.

const GATEWAY_LABELS: Record<string, string> = { stripe: "Stripe", paypal: "PayPal", manual: "No gateway (manual)" };
const STATUS_LABELS: Record<PaymentStatus, string> = {
  succeeded: "Succeeded",
  pending: "Pending",
  failed: "Failed",
  rejected: "Rejected",
  voided: "Voided",
};
const REFUND_ORIGIN_LABELS: Record<string, string> = { staff: "Staff refund", gateway: "Refunded in the gateway", dispute: "Lost dispute" };
const REFUND_STATUS_LABELS: Record<string, string> = { succeeded: "Succeeded", pending: "Pending", failed: "Failed" };

const lookup = (labels: Record<string, string>, key: string) => labels[key] ?? key;

export const methodLabel = (key: string) => lookup(PAYMENT_METHOD_LABELS, key);
export const gatewayLabel = (key: string) => lookup(GATEWAY_LABELS, key);
export const paymentStatusLabel = (key: string) => lookup(STATUS_LABELS, key);
export const refundOriginLabel = (key: string) => lookup(REFUND_ORIGIN_LABELS, key);
export const refundStatusLabel = (key: string) => lookup(REFUND_STATUS_LABELS, key);

import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { invoices, type Payment } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { failPayment, findPaymentByGatewayId, findPaymentById } from "@/lib/payments/online/fail";
import { settlePayment } from "@/lib/payments/online/settle";
import { deliverQueuedEmails, queueReceiptEmail } from "@/lib/receipts/notices";
import { fromPayPalAmount } from "./amounts";
import { PayPalApiError, paypalRequest } from "./client";
import { PayPalFlowError } from "./errors";
import { CUSTOMER_ACTOR, invoiceForToken } from "./orders";
import { firstCapture, orderSchema, type PayPalOrder } from "./schemas";

export interface CaptureAnswer {
  /** our payment's status after the capture: succeeded, pending (PayPal still clearing, or held), failed */
  status: Payment["status"];
  invoiceStatus: string;
  /** minor units as a decimal string */
  amountDue: string;
}

/**
 * The buyer approved in PayPal's popup: capture the order and settle our payment in one go. The
 * order must be one we made for this token's invoice. The request id is our payment's, so a
 * retried capture (double click, lost answer) is the same capture; settling is guarded by state.
 */
export async function capturePayPalOrder(db: Db, input: { token: string; orderId: string }, actor: Actor = CUSTOMER_ACTOR): Promise<CaptureAnswer> {
  const invoice = await invoiceForToken(db, input.token);
  const payment = await findPaymentByGatewayId(db, "paypal", { checkoutId: input.orderId });
  if (!payment || payment.invoiceId !== invoice.id) throw new PayPalFlowError("That PayPal order is not one of this invoice's payments.", 404, "ORDER_NOT_FOUND");
  if (payment.status !== "succeeded") {
    const order = await captureOrder(input.orderId, payment.id);
    await applyCapturedOrder(db, payment, order, actor);
  }
  return answerFor(db, payment.id, invoice.id);
}

const NOT_APPROVED = "PayPal has not approved this payment yet. Finish in the PayPal window first; nothing was charged.";

/**
 * Looks at the order first: capturing one the buyer has not approved would be refused, and PayPal
 * keeps that refusal under the request id, so the capture after approval must not reuse it.
 */
async function captureOrder(orderId: string, paymentId: string): Promise<PayPalOrder> {
  const path = `/v2/checkout/orders/${encodeURIComponent(orderId)}`;
  const current = orderSchema.parse(await paypalRequest("GET", path));
  if (current.status === "COMPLETED") return current;
  if (current.status !== "APPROVED") throw new PayPalFlowError(NOT_APPROVED, 422, "ORDER_NOT_APPROVED");
  try {
    return orderSchema.parse(await paypalRequest("POST", `${path}/capture`, {}, { requestId: `capture_${paymentId}` }));
  } catch (error) {
    if (!(error instanceof PayPalApiError) || error.status !== 422) throw error;
    if (error.issue === "ORDER_NOT_APPROVED") throw new PayPalFlowError(NOT_APPROVED, 422, "ORDER_NOT_APPROVED");
    // captured by an earlier try whose answer was lost: the order itself says how it went
    if (error.issue === "ORDER_ALREADY_CAPTURED") return orderSchema.parse(await paypalRequest("GET", path));
    if (error.issue === "INSTRUMENT_DECLINED") {
      throw new PayPalFlowError("PayPal declined that funding source. Choose another one in PayPal and try again.", 422, "INSTRUMENT_DECLINED");
    }
    throw new PayPalFlowError(`PayPal refused the payment (${error.issue ?? error.name}). Nothing was charged.`, 422, error.issue ?? "UNPROCESSABLE");
  }
}

/** COMPLETED settles (and queues the receipt); DECLINED/FAILED fails; PENDING waits for the webhook. */
async function applyCapturedOrder(db: Db, payment: Payment, order: PayPalOrder, actor: Actor): Promise<void> {
  const capture = firstCapture(order);
  if (!capture) return;
  if (capture.status === "COMPLETED" && capture.amount) {
    const reported = fromPayPalAmount(capture.amount);
    const emailIds = await db.transaction(async (tx) => {
      const result = await settlePayment(tx, payment.id, { ...reported, gatewayPaymentId: capture.id, payerEmail: order.payer?.email_address ?? null }, actor);
      return result.outcome === "applied" ? queueReceiptEmail(tx, payment.id) : [];
    });
    await deliverQueuedEmails(db, emailIds);
    return;
  }
  if (capture.status === "DECLINED" || capture.status === "FAILED") {
    await db.transaction((tx) => failPayment(tx, payment.id, `PayPal ${capture.status.toLowerCase()} the payment.`, actor));
  }
}

async function answerFor(db: Db, paymentId: string, invoiceId: string): Promise<CaptureAnswer> {
  const payment = await findPaymentById(db, paymentId);
  const [invoice] = await db.select({ status: invoices.status, amountDue: invoices.amountDue }).from(invoices).where(eq(invoices.id, invoiceId));
  if (!payment || !invoice) throw new Error(`payment ${paymentId} or its invoice vanished`);
  return { status: payment.status, invoiceStatus: invoice.status, amountDue: invoice.amountDue.toString() };
}

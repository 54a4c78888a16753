import { UserError } from "@/lib/errors";
import { isPayPalUnavailable } from "./client";

/** A refusal of the PayPal flow with the HTTP status the route answers and a code the button reads. */
export class PayPalFlowError extends UserError {
  constructor(
    message: string,
    public readonly status: 404 | 409 | 422 | 502 | 503,
    public readonly code: string,
  ) {
    super(message);
    this.name = "PayPalFlowError";
  }
}

export type JsonAnswer = { status: number; body: Record<string, unknown> };

/** The answer the pay routes give for an error: the customer's words for refusals, none of ours otherwise. */
export function errorAnswer(error: unknown): JsonAnswer {
  if (error instanceof PayPalFlowError) return { status: error.status, body: { ok: false, code: error.code, error: error.message } };
  if (error instanceof UserError) return { status: 422, body: { ok: false, code: "REFUSED", error: error.message } };
  if (isPayPalUnavailable(error)) {
    return { status: 502, body: { ok: false, code: "PAYPAL_UNAVAILABLE", error: "PayPal did not answer. Nothing was charged; please try again in a moment." } };
  }
  console.error("PayPal pay route failed", error);
  return { status: 500, body: { ok: false, code: "FAILED", error: "Something went wrong. Nothing was charged; please try again." } };
}

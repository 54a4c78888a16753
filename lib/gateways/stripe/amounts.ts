import Stripe from "stripe";
import { UserError } from "@/lib/errors";

/** Our bigint minor units as the integer Stripe's API takes; refuses what a JS number cannot hold exactly. */
export function stripeUnitAmount(amount: bigint): number {
  if (amount <= 0n || amount > BigInt(Number.MAX_SAFE_INTEGER)) throw new UserError("That amount cannot be paid by card.");
  return Number(amount);
}

/** Stripe's integer amount back to bigint minor units (it never sends fractions). */
export function fromStripeAmount(amount: number): bigint {
  if (!Number.isSafeInteger(amount)) throw new Error(`Stripe sent a non-integer amount: ${amount}`);
  return BigInt(amount);
}

/** A short, loggable reason from an SDK error (Stripe's own message for card errors). */
export function describeStripeError(error: unknown): string {
  if (error instanceof Stripe.errors.StripeError) return `${error.type}: ${error.message}`.slice(0, 500);
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

import type { CheckoutRefusal } from "./checkout";

/** What the public invoice page says for ?payError=<code> (set by POST /api/pay/stripe/checkout). */
export const PAY_ERROR_MESSAGES: Record<CheckoutRefusal | "invalid_amount", string> = {
  link_invalid: "This invoice link is not valid any more.",
  not_offered: "Card payments are not offered for this invoice.",
  already_paid: "This invoice is already paid; nothing was charged.",
  refused: "This payment could not start: the amount is more than is due, or the invoice is already paid. Nothing was charged.",
  card_unavailable: "Card payments are unavailable right now; nothing was charged.",
  invalid_amount: "Enter the amount to pay.",
};

export function payErrorMessage(code: string | undefined | null): string | null {
  if (!code) return null;
  return Object.hasOwn(PAY_ERROR_MESSAGES, code) ? PAY_ERROR_MESSAGES[code as keyof typeof PAY_ERROR_MESSAGES] : null;
}

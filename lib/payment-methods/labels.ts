import type { PaymentMethodConfig } from "@/db/schema";

export type ConfigMethod = PaymentMethodConfig["method"];

export const CONFIG_METHODS = ["stripe_card", "paypal", "bank_transfer", "local_wallet", "cash", "check"] as const satisfies readonly ConfigMethod[];

export const METHOD_LABELS: Record<ConfigMethod, string> = {
  stripe_card: "Card (Stripe)",
  paypal: "PayPal",
  bank_transfer: "Bank transfer",
  local_wallet: "Mobile wallet",
  cash: "Cash",
  check: "Check",
};

/** How the public page offers a method: a gateway checkout, a "I have paid" form, or instructions only. */
export type OfferKind = "stripe" | "paypal" | "manual" | "offline";

export function offerKindOf(method: ConfigMethod): OfferKind {
  switch (method) {
    case "stripe_card":
      return "stripe";
    case "paypal":
      return "paypal";
    case "bank_transfer":
    case "local_wallet":
      return "manual";
    case "cash":
    case "check":
      return "offline";
  }
}

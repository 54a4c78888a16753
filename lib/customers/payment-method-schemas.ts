import { z } from "zod";
import type { PaymentMethodKind } from "@/db/schema/customers";

// Shared by the add-method form (client) and the payment-method actions (server).

/** What staff can add by hand; cards and PayPal arrive through the gateways. */
export const MANUAL_PAYMENT_METHOD_KINDS = ["bank_transfer", "local_wallet", "cash", "check"] as const satisfies readonly PaymentMethodKind[];
export type ManualPaymentMethodKind = (typeof MANUAL_PAYMENT_METHOD_KINDS)[number];

export const PAYMENT_METHOD_KIND_LABELS: Record<PaymentMethodKind, string> = {
  stripe_card: "Card",
  paypal: "PayPal",
  bank_transfer: "Bank transfer",
  local_wallet: "Mobile wallet",
  cash: "Cash",
  check: "Check",
};

export const LAST4_TOO_LONG = "Enter only the last 4 digits";

/**
 * The last 4 digits of an account, and nothing more: a pasted full account number is refused
 * (never trimmed to its end), so it cannot reach the database or the logs by accident.
 */
export const accountLast4 = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const digits = value.replace(/[\s-]/g, "");
    if (/^\d{4}$/.test(digits)) return;
    const message = digits.replace(/\D/g, "").length > 4 ? `${LAST4_TOO_LONG} of the account.` : "Enter the last 4 digits of the account, such as 1234.";
    ctx.addIssue({ code: "custom", message });
  })
  .transform((value) => value.replace(/[\s-]/g, ""));

// optional everywhere: blank or missing becomes null
const label = z
  .string()
  .trim()
  .max(100, "Use at most 100 characters.")
  .optional()
  .transform((value) => (value ? value : null));

const required = (what: string, max: number) =>
  z.string().trim().min(1, `Enter the ${what}.`).max(max, `Use at most ${max} characters.`);

const base = { customerId: z.uuid(), label };

/** One schema per kind of manual method; the wallet phone is normalised against the customer's country in lib. */
export const addPaymentMethodSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...base, kind: z.literal("bank_transfer"), bankName: required("bank name", 100), accountLast4 }),
    z.object({
      ...base,
      kind: z.literal("local_wallet"),
      walletProvider: required("wallet provider (for example M-Pesa)", 50),
      walletPhone: required("wallet phone number", 40),
    }),
    z.object({ ...base, kind: z.literal("cash") }),
    z.object({ ...base, kind: z.literal("check") }),
  ],
  { error: "Choose bank transfer, mobile wallet, cash or check. Cards are added through online payments." },
);

export type AddPaymentMethodFormValues = z.input<typeof addPaymentMethodSchema>;
export type AddPaymentMethodInput = z.output<typeof addPaymentMethodSchema>;

export const paymentMethodRefSchema = z.object({ customerId: z.uuid(), methodId: z.uuid() });
export type PaymentMethodRef = z.output<typeof paymentMethodRefSchema>;

export const WALLET_PHONE_ERROR = "Enter a valid phone number, with the country code (+254…) if it is not in the billing country.";

interface Describable {
  kind: PaymentMethodKind;
  label: string | null;
  bankName: string | null;
  accountLast4: string | null;
  walletProvider: string | null;
  walletPhone: string | null;
  cardBrand?: string | null;
  cardLast4?: string | null;
}

/** "Bank transfer · Equity ••1234", "M-Pesa · +254712345678", "Cash · Front desk". */
export function describePaymentMethod(method: Describable): string {
  const parts: string[] = [];
  switch (method.kind) {
    case "bank_transfer":
      parts.push(PAYMENT_METHOD_KIND_LABELS.bank_transfer, [method.bankName, method.accountLast4 ? `••${method.accountLast4}` : null].filter(Boolean).join(" "));
      break;
    case "local_wallet":
      parts.push(method.walletProvider ?? PAYMENT_METHOD_KIND_LABELS.local_wallet, method.walletPhone ?? "");
      break;
    case "stripe_card":
      parts.push(method.cardBrand ?? PAYMENT_METHOD_KIND_LABELS.stripe_card, method.cardLast4 ? `••${method.cardLast4}` : "");
      break;
    default:
      parts.push(PAYMENT_METHOD_KIND_LABELS[method.kind]);
  }
  if (method.label) parts.push(method.label);
  return parts.filter(Boolean).join(" · ");
}

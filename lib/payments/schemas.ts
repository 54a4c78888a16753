import { z } from "zod";
import type { PaymentMethodName } from "@/db/schema/payments";
import { parseMoney } from "@/lib/money";
import { isCurrencyCode } from "@/lib/settings/schemas";

// A manual payment as the form sends it (text as typed) and as lib/payments/record.ts takes it
// (bigint minor units). Shared by the form (client) and the server actions: no server imports.

/** What staff can record by hand; card and PayPal payments come from the gateways. */
export const PAYMENT_METHODS = ["bank_transfer", "cash", "check", "mpesa", "other"] as const satisfies readonly PaymentMethodName[];
export type ManualPaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethodName, string> = {
  bank_transfer: "Bank transfer",
  cash: "Cash",
  check: "Check",
  mpesa: "M-Pesa",
  other: "Other",
  card: "Card",
  paypal: "PayPal",
  local_wallet: "Mobile wallet",
};

export const MAX_ALLOCATIONS = 200;
/** 10^15 minor units: far above any real payment, far below bigint's limit. */
export const MAX_PAYMENT_MINOR = 1_000_000_000_000_000n;

// refusals the form and recordPayment share, word for word
export const ALLOCATIONS_EXCEED_PAYMENT = "Allocations add up to more than the payment.";
export const EXCESS_NEEDS_CREDIT =
  "This payment is larger than the open balance. Choose 'keep the rest as customer credit' or lower the amount.";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value));

export const currencyField = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, "Use an ISO 4217 currency code such as USD, EUR or KES.");

export const recordPaymentFields = z.object({
  customerId: z.uuid("Choose a customer."),
  currency: currencyField,
  amount: z.string().trim().min(1, "Enter the amount received."),
  method: z.enum(PAYMENT_METHODS, { error: "Choose how the money was paid." }),
  reference: optionalText(100),
  note: optionalText(2000),
  receivedOn: z.iso.date("Enter the date the money was received."),
  // one row per open invoice; a blank or 0 amount leaves that invoice alone
  allocations: z
    .array(z.object({ invoiceId: z.uuid("Unknown invoice."), amount: z.string().trim() }))
    .max(MAX_ALLOCATIONS, `Apply a payment to at most ${MAX_ALLOCATIONS} invoices.`),
  keepExcessAsCredit: z.boolean(),
});

export type RecordPaymentFormValues = z.input<typeof recordPaymentFields>;

export type PaymentAllocationInput = { invoiceId: string; amount: bigint };

/** What recordPayment takes: every amount exact, allocations with a positive amount only. */
export type RecordPaymentInput = {
  customerId: string;
  currency: string;
  amount: bigint;
  method: PaymentMethodName;
  reference: string | null;
  note: string | null;
  receivedOn: string;
  allocations: PaymentAllocationInput[];
  keepExcessAsCredit: boolean;
};

type Fail = (path: (string | number)[], message: string) => void;

/** Text → minor units of `currency` (0 allowed), or the message to show beside the field. */
function nonNegativeMinor(text: string, currency: string): { ok: true; minor: bigint } | { ok: false; error: string } {
  const parsed = parseMoney(text, currency);
  if (!parsed.ok) return parsed;
  if (parsed.minor < 0n) return { ok: false, error: "The amount cannot be negative." };
  if (parsed.minor >= MAX_PAYMENT_MINOR) return { ok: false, error: "That amount is too large." };
  return parsed;
}

/** A required amount above 0, reported at `path`; null when unusable. */
function positiveMinor(text: string, currency: string, path: (string | number)[], fail: Fail): bigint | null {
  const parsed = nonNegativeMinor(text, currency);
  if (!parsed.ok) fail(path, parsed.error);
  else if (parsed.minor === 0n) fail(path, "The amount must be more than 0.");
  else return parsed.minor;
  return null;
}

/**
 * Text as typed → RecordPaymentInput, each problem at its field (`amount`,
 * `allocations.2.amount`). The server re-checks every amount against the invoices under lock.
 */
export const recordPaymentSchema = recordPaymentFields.transform((value, ctx): RecordPaymentInput => {
  const fail: Fail = (path, message) => ctx.addIssue({ code: "custom", path, message });
  const amount = positiveMinor(value.amount, value.currency, ["amount"], fail);

  const seen = new Set<string>();
  const allocations: PaymentAllocationInput[] = [];
  value.allocations.forEach((row, index) => {
    if (seen.has(row.invoiceId)) return fail(["allocations", index, "invoiceId"], "This invoice is listed twice.");
    seen.add(row.invoiceId);
    if (row.amount === "") return;
    const parsed = nonNegativeMinor(row.amount, value.currency);
    if (!parsed.ok) fail(["allocations", index, "amount"], parsed.error);
    else if (parsed.minor > 0n) allocations.push({ invoiceId: row.invoiceId, amount: parsed.minor });
  });

  const allocated = allocations.reduce((sum, row) => sum + row.amount, 0n);
  if (amount !== null && allocated > amount) fail(["amount"], ALLOCATIONS_EXCEED_PAYMENT);

  return { ...value, amount: amount ?? 0n, allocations };
});

export const voidPaymentSchema = z.object({
  paymentId: z.uuid("Unknown payment."),
  reason: z.string().trim().min(1, "Say why the payment is voided.").max(500, "Use at most 500 characters."),
});

export type VoidPaymentInput = z.output<typeof voidPaymentSchema>;

/** The "apply customer credit" form: amount as typed, in the invoice's currency. */
export const applyCreditFields = z.object({
  customerId: z.uuid("Choose a customer."),
  invoiceId: z.uuid("Choose an invoice."),
  currency: currencyField,
  amount: z.string().trim().min(1, "Enter the amount of credit to apply."),
});

export type ApplyCreditFormValues = z.input<typeof applyCreditFields>;
export type ApplyCreditInput = { customerId: string; invoiceId: string; amount: bigint };

export const applyCreditSchema = applyCreditFields.transform((value, ctx): ApplyCreditInput => {
  const fail: Fail = (path, message) => ctx.addIssue({ code: "custom", path, message });
  const amount = positiveMinor(value.amount, value.currency, ["amount"], fail);
  return { customerId: value.customerId, invoiceId: value.invoiceId, amount: amount ?? 0n };
});

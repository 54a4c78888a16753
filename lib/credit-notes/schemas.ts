import { z } from "zod";
import type { PaymentMethodName } from "@/db/schema/payments";
import { MAX_LINES } from "@/lib/invoices/schemas";
import { PAYMENT_METHODS } from "@/lib/payments/schemas";
import { safeParseQuantity } from "@/lib/quantity";

// A credit note as the form sends it (text as typed) and as lib/credit-notes/create.ts takes it.
// Shared by the form (client) and the server actions: no server imports.

/** What happens to the part of a credit note the invoice no longer owes (it was already paid). */
export const CREDIT_EXCESS = ["credit", "refund"] as const;
export type CreditExcess = (typeof CREDIT_EXCESS)[number];

export const CREDIT_EXCESS_LABELS: Record<CreditExcess, string> = {
  credit: "Keep it as customer credit",
  refund: "Record a refund to the customer",
};

export const CREDIT_SCOPES = ["all", "lines"] as const;

export const reasonField = z.string().trim().min(1, "Say why the invoice is credited.").max(500, "Use at most 500 characters.");

export const createCreditNoteFields = z.object({
  invoiceId: z.uuid("Unknown invoice."),
  reason: reasonField,
  // "all": everything still uncredited; "lines": the quantities below
  scope: z.enum(CREDIT_SCOPES),
  // one row per invoice line; a blank or 0 quantity leaves that line alone
  lines: z
    .array(z.object({ invoiceLineId: z.uuid("Unknown line."), quantity: z.string().trim() }))
    .max(MAX_LINES, `An invoice has at most ${MAX_LINES} lines.`),
  excess: z.enum(CREDIT_EXCESS),
  refundMethod: z.union([z.literal(""), z.enum(PAYMENT_METHODS)], { error: "Choose how the money is refunded." }),
});

export type CreateCreditNoteFormValues = z.input<typeof createCreditNoteFields>;

export type CreditNoteLineRequest = { invoiceLineId: string; quantity: bigint };

/** What createCreditNote takes: quantities scaled × 10,000. */
export type CreateCreditNoteInput = {
  invoiceId: string;
  reason: string;
  lines: CreditNoteLineRequest[] | "all";
  excess: CreditExcess;
  refundMethod?: PaymentMethodName;
};

/** Text as typed → CreateCreditNoteInput, each problem at its field (`lines.2.quantity`, `refundMethod`). */
export const createCreditNoteSchema = createCreditNoteFields.transform((value, ctx): CreateCreditNoteInput => {
  const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  if (value.excess === "refund" && value.refundMethod === "") fail(["refundMethod"], "Choose how the money is refunded.");
  const refundMethod = value.refundMethod === "" ? undefined : value.refundMethod;
  if (value.scope === "all") return { invoiceId: value.invoiceId, reason: value.reason, lines: "all", excess: value.excess, refundMethod };

  const lines: CreditNoteLineRequest[] = [];
  let unreadable = false;
  value.lines.forEach((line, index) => {
    if (line.quantity === "") return;
    const parsed = safeParseQuantity(line.quantity);
    if (!parsed.ok) {
      unreadable = true;
      fail(["lines", index, "quantity"], parsed.error);
    } else if (parsed.value > 0n) lines.push({ invoiceLineId: line.invoiceLineId, quantity: parsed.value });
  });
  if (lines.length === 0 && !unreadable) fail(["lines"], "Enter a quantity to credit on at least one line.");
  return { invoiceId: value.invoiceId, reason: value.reason, lines, excess: value.excess, refundMethod };
});

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { permissionAction } from "@/lib/actions";
import { parseMoney } from "@/lib/money";
import { applyCustomerCredit } from "@/lib/payments/credit";
import { recordPayment, suggestAllocations } from "@/lib/payments/record";
import { applyCreditSchema, currencyField, recordPaymentSchema, voidPaymentSchema } from "@/lib/payments/schemas";
import { voidPayment } from "@/lib/payments/void";

// Money in from the invoice page: record a payment (spread over the customer's open invoices),
// void one, or apply customer credit. lib/payments/* locks every invoice it touches.

function revalidate(invoiceIds: readonly string[]) {
  revalidatePath("/invoices");
  revalidatePath("/payments");
  for (const id of invoiceIds) revalidatePath(`/invoices/${id}`);
}

// the amount as typed so far; anything unusable suggests nothing rather than failing
const suggestSchema = z.object({
  customerId: z.uuid("Choose a customer."),
  currency: currencyField,
  amount: z.string().trim().max(40),
});

/** The customer's open invoices in `currency`, oldest first, with `amount` spread over them. */
export const suggestAllocationsAction = permissionAction("payments.write", suggestSchema, async ({ customerId, currency, amount }, { db }) => {
  const parsed = parseMoney(amount === "" ? "0" : amount, currency);
  const minor = parsed.ok && parsed.minor > 0n ? parsed.minor : 0n;
  return suggestAllocations(db, customerId, currency, minor);
});

export const recordPaymentAction = permissionAction("payments.write", recordPaymentSchema, async (input, { db, actor }) => {
  const result = await recordPayment(db, input, actor);
  revalidate(input.allocations.map((row) => row.invoiceId));
  return result;
});

export const voidPaymentAction = permissionAction("payments.write", voidPaymentSchema.extend({ invoiceId: z.uuid() }), async ({ paymentId, reason, invoiceId }, { db, actor }) => {
  await voidPayment(db, paymentId, reason, actor);
  revalidate([invoiceId]);
  return null;
});

export const applyCreditAction = permissionAction("payments.write", applyCreditSchema, async (input, { db, actor }) => {
  await applyCustomerCredit(db, input, actor);
  revalidate([input.invoiceId]);
  return null;
});

"use server";

import { revalidatePath } from "next/cache";
import { publicAction } from "@/lib/actions";
import { submitManualPayment } from "@/lib/payment-methods/manual-submission";
import { submitManualPaymentSchema } from "@/lib/payment-methods/submission-schemas";

/**
 * "I have paid" from the public invoice page. Anyone holding the link may submit, so the token is
 * the scope: the invoice comes from it, never from the form. Recorded as the customer, whoever is
 * signed in, with the request's address for the audit trail.
 */
export const submitManualPaymentAction = publicAction(submitManualPaymentSchema, async ({ token, ...input }, { db, actor }) => {
  const result = await submitManualPayment(db, token, input, { userId: null, label: "customer", ip: actor.ip, userAgent: actor.userAgent });
  revalidatePath(`/i/${token}`);
  return { number: result.number };
});

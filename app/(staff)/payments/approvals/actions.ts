"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { permissionAction } from "@/lib/actions";
import { decideManualPayment } from "@/lib/payment-methods/decisions";

const paymentId = z.uuid("Unknown payment.");

export const approveManualPaymentAction = permissionAction("payments.write", z.object({ paymentId }), async (input, { db, actor }) => {
  const payment = await decideManualPayment(db, { paymentId: input.paymentId, decision: "approve" }, actor);
  revalidatePath("/payments", "layout");
  return { number: payment.number };
});

export const rejectManualPaymentAction = permissionAction(
  "payments.write",
  z.object({ paymentId, reason: z.string().trim().min(1, "Say why the payment is rejected.").max(500, "Use at most 500 characters.") }),
  async (input, { db, actor }) => {
    const payment = await decideManualPayment(db, { paymentId: input.paymentId, decision: "reject", reason: input.reason }, actor);
    revalidatePath("/payments", "layout");
    return { number: payment.number };
  },
);

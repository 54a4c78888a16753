import { z } from "zod";

// The refund dialog's fields as typed; the server action turns the amount into minor units of the
// payment's own currency. No server imports: the dialog validates with it too.

export const REFUND_REASON_MAX = 500;

export const refundFormSchema = z.object({
  amount: z.string().trim().min(1, "Enter the amount to refund."),
  reason: z.string().trim().min(1, "Say why the payment is refunded.").max(REFUND_REASON_MAX, `Use at most ${REFUND_REASON_MAX} characters.`),
});

export const refundActionSchema = refundFormSchema.extend({ paymentId: z.uuid() });

export type RefundFormValues = z.input<typeof refundFormSchema>;

import { z } from "zod";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The customer's "I have paid" form, as typed. The amount is parsed in the invoice's currency on the server. */
export const manualSubmissionFields = z.object({
  methodConfigId: z.uuid("Choose how you paid."),
  reference: z.string().trim().min(1, "Enter the reference of your transfer or payment.").max(100, "Use at most 100 characters."),
  paidOn: z
    .string()
    .trim()
    .regex(ISO_DATE, "Enter the date you paid.")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Enter the date you paid."),
  amount: z.string().trim().min(1, "Enter the amount you paid.").max(30, "Enter an amount such as 1,234.50."),
});
export type ManualSubmissionFormValues = z.input<typeof manualSubmissionFields>;
export type ManualSubmissionInput = z.output<typeof manualSubmissionFields>;

/** What the public page's server action takes: the form plus the link's token. */
export const submitManualPaymentSchema = manualSubmissionFields.extend({ token: z.string().min(1).max(200) });

import { z } from "zod";

export const SEND_KINDS = ["send", "reminder"] as const;
export type SendKind = (typeof SEND_KINDS)[number];

export const MAX_RECIPIENTS = 10;
export const SUBJECT_MAX = 200;
export const MESSAGE_MAX = 5000;

const emailAddress = z.string().trim().max(254).pipe(z.email("Enter a valid email address."));

/** "a@x.com, b@y.com; c@z.com" (commas, semicolons or spaces) → the addresses, each checked. */
export const addressListText = z
  .string()
  .max(2000, "That is too many addresses.")
  .transform((text, ctx) => {
    const addresses = text.split(/[\s,;]+/).filter(Boolean);
    for (const address of addresses) {
      if (!z.email().safeParse(address).success) ctx.addIssue({ code: "custom", message: `"${address}" is not an email address.` });
    }
    if (addresses.length > MAX_RECIPIENTS) ctx.addIssue({ code: "custom", message: `At most ${MAX_RECIPIENTS} addresses.` });
    return addresses;
  });

const sendFields = {
  invoiceId: z.uuid("That invoice does not exist."),
  kind: z.enum(SEND_KINDS),
  to: z.array(emailAddress).min(1, "Choose at least one recipient.").max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} recipients.`),
  subject: z.string().trim().min(1, "Enter a subject.").max(SUBJECT_MAX, `At most ${SUBJECT_MAX} characters.`),
  message: z.string().trim().max(MESSAGE_MAX, `At most ${MESSAGE_MAX} characters.`),
  attachPdf: z.boolean(),
};

/** What sendInvoice takes. */
export const sendInvoiceInputSchema = z.object({
  ...sendFields,
  cc: z.array(emailAddress).max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} cc addresses.`),
});
export type SendInvoiceInput = z.input<typeof sendInvoiceInputSchema>;

/** The send dialog: the cc addresses are typed into one text field. Parses to SendInvoiceInput. */
export const sendInvoiceFormSchema = z.object({ ...sendFields, cc: addressListText });
export type SendInvoiceFormValues = z.input<typeof sendInvoiceFormSchema>;

export const sendDefaultsRequestSchema = z.object({ invoiceId: z.uuid("That invoice does not exist."), kind: z.enum(SEND_KINDS) });

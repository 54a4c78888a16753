import { Text } from "@react-email/components";
import { DocumentSummary, LinkButton } from "./components/document-email";
import { EmailLayout, paragraph } from "./components/email-layout";

export interface PaymentFailedEmailProps {
  companyName: string;
  greetingName: string;
  invoiceNumber: string | null;
  /** formatted, e.g. "$120.00" */
  amount: string;
  /** e.g. "Card (Stripe)" */
  method: string;
  /** what the gateway said, when it said something a payer can act on */
  reason: string | null;
  /** the invoice's public page, where the payer can try again */
  retryUrl: string;
}

/** To the payer: the payment did not go through; nothing was taken; try again. */
export default function PaymentFailedEmail({ companyName, greetingName, invoiceNumber, amount, method, reason, retryUrl }: PaymentFailedEmailProps) {
  const what = invoiceNumber ? `your payment of ${amount} for invoice ${invoiceNumber}` : `your payment of ${amount}`;
  return (
    <EmailLayout preview={`Your payment of ${amount} did not go through`} companyName={companyName}>
      <Text style={paragraph}>Hello {greetingName},</Text>
      <Text style={paragraph}>Unfortunately {what} did not go through, so the invoice is still open. You can try again, with the same or another method, from the link below.</Text>
      <DocumentSummary
        rows={[
          ...(invoiceNumber ? [["Invoice", invoiceNumber] as const] : []),
          ["Amount", amount],
          ["Method", method],
          ...(reason ? [["Reason", reason] as const] : []),
        ]}
      />
      <LinkButton href={retryUrl} label="Try again" />
      <Text style={paragraph}>
        Kind regards,
        <br />
        {companyName}
      </Text>
    </EmailLayout>
  );
}

PaymentFailedEmail.PreviewProps = {
  companyName: "Demo Trading Ltd",
  greetingName: "Acme",
  invoiceNumber: "INV-2026-00042",
  amount: "$520.25",
  method: "Card (Stripe)",
  reason: "Your card was declined.",
  retryUrl: "http://localhost:3000/i/preview-token",
} satisfies PaymentFailedEmailProps;

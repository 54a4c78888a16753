import { Text } from "@react-email/components";
import { DocumentSummary, LinkButton } from "./components/document-email";
import { EmailLayout, paragraph } from "./components/email-layout";
import { ReceiptDetails, receiptPreviewFigures, type ReceiptFigures } from "./receipt";

export type ManualPaymentDecisionEmailProps = {
  companyName: string;
  greetingName: string;
  invoiceUrl: string | null;
} & (
  | { decision: "approved"; figures: ReceiptFigures; pdfAttached: boolean }
  | {
      decision: "rejected";
      /** formatted, e.g. "$120.00" */
      amount: string;
      invoiceNumber: string | null;
      /** what the customer quoted when submitting */
      reference: string | null;
      reason: string;
    }
);

/** To the customer who said "I have paid": staff confirmed the money arrived, or could not. */
export default function ManualPaymentDecisionEmail(props: ManualPaymentDecisionEmailProps) {
  const { companyName, greetingName, invoiceUrl } = props;
  const preview = props.decision === "approved" ? `Payment confirmed: ${props.figures.amount} received` : `We could not confirm your payment of ${props.amount}`;
  return (
    <EmailLayout preview={preview} companyName={companyName}>
      <Text style={paragraph}>Hello {greetingName},</Text>
      {props.decision === "approved" ? (
        <>
          <Text style={paragraph}>We have received the payment you told us about and applied it. Thank you.</Text>
          <ReceiptDetails figures={props.figures} />
          {props.pdfAttached ? <Text style={paragraph}>The receipt is attached as a PDF.</Text> : null}
        </>
      ) : (
        <>
          <Text style={paragraph}>We could not confirm the payment you told us about, so it has not been applied and the invoice is still open.</Text>
          <DocumentSummary
            rows={[
              ...(props.invoiceNumber ? [["Invoice", props.invoiceNumber] as const] : []),
              ["Amount", props.amount],
              ...(props.reference ? [["Your reference", props.reference] as const] : []),
              ["Reason", props.reason],
            ]}
          />
          <Text style={paragraph}>If you believe this is a mistake, reply to this email with proof of payment.</Text>
        </>
      )}
      {invoiceUrl ? <LinkButton href={invoiceUrl} label="View the invoice" /> : null}
      <Text style={paragraph}>
        Kind regards,
        <br />
        {companyName}
      </Text>
    </EmailLayout>
  );
}

ManualPaymentDecisionEmail.PreviewProps = {
  companyName: "Demo Trading Ltd",
  greetingName: "Acme",
  invoiceUrl: "http://localhost:3000/i/preview-token",
  decision: "approved",
  figures: { ...receiptPreviewFigures, method: "Bank transfer", reference: "EQ-889123" },
  pdfAttached: true,
} satisfies ManualPaymentDecisionEmailProps;

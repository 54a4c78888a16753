import { Text } from "@react-email/components";
import { DocumentSummary, LinkButton } from "./components/document-email";
import { EmailLayout, paragraph } from "./components/email-layout";

export interface DisputeOpenedEmailProps {
  companyName: string;
  customerName: string;
  /** formatted, e.g. "$120.00" */
  amount: string;
  /** the gateway's reason code, e.g. "fraudulent" */
  reason: string;
  paymentNumber: string;
  gateway: string;
  /** e.g. "Apr 2, 2026 14:00 UTC"; null when the gateway gave none */
  evidenceDueBy: string | null;
  /** the dispute's page in the staff console */
  disputeUrl: string;
}

/** To admins: a customer disputed a charge; evidence has a deadline. */
export default function DisputeOpenedEmail({ companyName, customerName, amount, reason, paymentNumber, gateway, evidenceDueBy, disputeUrl }: DisputeOpenedEmailProps) {
  return (
    <EmailLayout preview={`Dispute opened: ${amount} from ${customerName}`} companyName={companyName}>
      <Text style={paragraph}>
        {customerName} disputed {amount} of payment {paymentNumber} with {gateway}. The amount is held by {gateway} until the dispute is decided.
      </Text>
      <DocumentSummary
        rows={[
          ["Amount", amount],
          ["Reason", reason],
          ["Payment", paymentNumber],
          ["Evidence due", evidenceDueBy ?? "not given"],
        ]}
      />
      <Text style={paragraph}>Add your evidence before the due date, or the dispute is lost by default.</Text>
      <LinkButton href={disputeUrl} label="Open the dispute" />
    </EmailLayout>
  );
}

DisputeOpenedEmail.PreviewProps = {
  companyName: "Demo Trading Ltd",
  customerName: "Acme Ltd",
  amount: "$520.25",
  reason: "fraudulent",
  paymentNumber: "PAY-2026-00031",
  gateway: "Stripe",
  evidenceDueBy: "Apr 2, 2026, 23:59 UTC",
  disputeUrl: "http://localhost:3000/disputes/preview-id",
} satisfies DisputeOpenedEmailProps;

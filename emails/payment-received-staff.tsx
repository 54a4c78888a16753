import { Text } from "@react-email/components";
import { LinkButton } from "./components/document-email";
import { EmailLayout, paragraph } from "./components/email-layout";
import { ReceiptDetails, receiptPreviewFigures, type ReceiptFigures } from "./receipt";

export interface PaymentReceivedStaffEmailProps {
  companyName: string;
  customerName: string;
  paymentNumber: string;
  figures: ReceiptFigures;
  /** the payment's page in the staff console */
  paymentUrl: string;
}

/** To admins and finance staff: money came in. */
export default function PaymentReceivedStaffEmail({ companyName, customerName, paymentNumber, figures, paymentUrl }: PaymentReceivedStaffEmailProps) {
  return (
    <EmailLayout preview={`Payment received: ${figures.amount} from ${customerName}`} companyName={companyName}>
      <Text style={paragraph}>
        {customerName} paid {figures.amount} by {figures.method.toLowerCase()} (payment {paymentNumber}).
      </Text>
      <ReceiptDetails figures={figures} />
      <LinkButton href={paymentUrl} label="Open the payment" />
    </EmailLayout>
  );
}

PaymentReceivedStaffEmail.PreviewProps = {
  companyName: "Demo Trading Ltd",
  customerName: "Acme Ltd",
  paymentNumber: "PAY-2026-00031",
  figures: receiptPreviewFigures,
  paymentUrl: "http://localhost:3000/payments/preview-id",
} satisfies PaymentReceivedStaffEmailProps;

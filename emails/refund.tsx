import { Text } from "@react-email/components";
import { DocumentSummary, LinkButton } from "./components/document-email";
import { EmailLayout, paragraph } from "./components/email-layout";

export interface RefundEmailProps {
  companyName: string;
  greetingName: string;
  /** formatted, e.g. "$40.00" */
  amount: string;
  /** e.g. "Mar 22, 2026" */
  date: string;
  /** the payment refunded: "PAY-2026-00031 (receipt REC-2026-00012)"; null for a refund of credit */
  originalPayment: string | null;
  /** formatted: what the original payment still counts for after this refund and earlier ones */
  remainingPayment: string | null;
  /** per invoice the refund took money back from: what is due there now */
  invoices: { invoiceNumber: string; amountDue: string }[];
  reason: string | null;
  /** e.g. "Card (Stripe)": where the money goes back to */
  method: string;
  invoiceUrl: string | null;
}

/** To the customer: money was paid back. */
export default function RefundEmail({ companyName, greetingName, amount, date, originalPayment, remainingPayment, invoices, reason, method, invoiceUrl }: RefundEmailProps) {
  return (
    <EmailLayout preview={`Refund of ${amount} from ${companyName}`} companyName={companyName}>
      <Text style={paragraph}>Hello {greetingName},</Text>
      <Text style={paragraph}>
        We have refunded {amount} to you ({method.toLowerCase()}). Depending on your bank or provider it can take a few days to show on your statement.
      </Text>
      <DocumentSummary
        rows={[
          ["Refunded", amount],
          ["Date", date],
          ...(originalPayment ? [["Original payment", originalPayment] as const] : []),
          ...(remainingPayment ? [["Remaining paid", remainingPayment] as const] : []),
          ...(reason ? [["Reason", reason] as const] : []),
        ]}
      />
      {invoices.map((line) => (
        <Text key={line.invoiceNumber} style={paragraph}>
          Invoice <strong>{line.invoiceNumber}</strong>: {line.amountDue} now due.
        </Text>
      ))}
      {invoiceUrl ? <LinkButton href={invoiceUrl} label="View the invoice" /> : null}
      <Text style={paragraph}>
        Kind regards,
        <br />
        {companyName}
      </Text>
    </EmailLayout>
  );
}

RefundEmail.PreviewProps = {
  companyName: "Demo Trading Ltd",
  greetingName: "Acme",
  amount: "$40.00",
  date: "Mar 22, 2026",
  originalPayment: "PAY-2026-00031 (receipt REC-2026-00012)",
  remainingPayment: "$480.25",
  invoices: [{ invoiceNumber: "INV-2026-00042", amountDue: "$40.00" }],
  reason: "One hour billed twice",
  method: "Card (Stripe)",
  invoiceUrl: "http://localhost:3000/i/preview-token",
} satisfies RefundEmailProps;

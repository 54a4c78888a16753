import { Text } from "@react-email/components";
import { DocumentSummary, LinkButton, MessageText } from "./components/document-email";
import { EmailLayout, paragraph } from "./components/email-layout";

export interface InvoiceEmailProps {
  /** "send": the invoice itself; "reminder": a nudge about one already sent */
  kind: "send" | "reminder";
  companyName: string;
  invoiceNumber: string;
  /** formatted, e.g. "$1,234.50" */
  amountDue: string;
  /** formatted, e.g. "Mar 15, 2026" */
  dueDate: string;
  overdue: boolean;
  /** what the sender typed; may be empty */
  message: string;
  invoiceUrl: string;
  pdfAttached: boolean;
}

export default function InvoiceEmail({ kind, companyName, invoiceNumber, amountDue, dueDate, overdue, message, invoiceUrl, pdfAttached }: InvoiceEmailProps) {
  const preview =
    kind === "reminder"
      ? `Reminder: invoice ${invoiceNumber} (${amountDue}) ${overdue ? "was due" : "is due"} on ${dueDate}`
      : `Invoice ${invoiceNumber} from ${companyName}: ${amountDue} due ${dueDate}`;
  return (
    <EmailLayout preview={preview} companyName={companyName}>
      <MessageText message={message} />
      <DocumentSummary
        rows={[
          ["Invoice", invoiceNumber],
          ["Amount due", amountDue],
          [overdue ? "Was due" : "Due date", dueDate],
        ]}
      />
      <LinkButton href={invoiceUrl} label={kind === "reminder" ? "View and pay invoice" : "View invoice"} />
      {pdfAttached ? <Text style={paragraph}>The invoice is attached as a PDF.</Text> : null}
    </EmailLayout>
  );
}

InvoiceEmail.PreviewProps = {
  kind: "send",
  companyName: "Demo Trading Ltd",
  invoiceNumber: "INV-2026-00042",
  amountDue: "$1,234.50",
  dueDate: "Mar 15, 2026",
  overdue: false,
  message: "Hello Acme,\n\nHere is invoice INV-2026-00042 for $1,234.50, due on Mar 15, 2026.\n\nThank you for your business.\nDemo Trading Ltd",
  invoiceUrl: "http://localhost:3000/i/preview-token",
  pdfAttached: true,
} satisfies InvoiceEmailProps;

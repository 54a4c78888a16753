import { Text } from "@react-email/components";
import { DocumentSummary, LinkButton, MessageText } from "./components/document-email";
import { EmailLayout, paragraph } from "./components/email-layout";

export interface CreditNoteEmailProps {
  companyName: string;
  creditNoteNumber: string;
  invoiceNumber: string;
  /** formatted, e.g. "$120.00" */
  amount: string;
  /** formatted, e.g. "Mar 15, 2026" */
  issueDate: string;
  reason: string;
  /** what the sender typed; may be empty */
  message: string;
  /** the public page of the credited invoice, which lists its credit notes */
  invoiceUrl: string;
  pdfAttached: boolean;
}

export default function CreditNoteEmail({ companyName, creditNoteNumber, invoiceNumber, amount, issueDate, reason, message, invoiceUrl, pdfAttached }: CreditNoteEmailProps) {
  return (
    <EmailLayout preview={`Credit note ${creditNoteNumber} from ${companyName}: ${amount} off invoice ${invoiceNumber}`} companyName={companyName}>
      <MessageText message={message} />
      <DocumentSummary
        rows={[
          ["Credit note", creditNoteNumber],
          ["For invoice", invoiceNumber],
          ["Amount credited", amount],
          ["Issued", issueDate],
          ["Reason", reason],
        ]}
      />
      <LinkButton href={invoiceUrl} label="View the invoice" />
      {pdfAttached ? <Text style={paragraph}>The credit note is attached as a PDF.</Text> : null}
    </EmailLayout>
  );
}

CreditNoteEmail.PreviewProps = {
  companyName: "Demo Trading Ltd",
  creditNoteNumber: "CN-2026-00007",
  invoiceNumber: "INV-2026-00042",
  amount: "$120.00",
  issueDate: "Mar 20, 2026",
  reason: "Two units returned damaged",
  message: "Hello Acme,\n\nWe have credited $120.00 against invoice INV-2026-00042.\n\nDemo Trading Ltd",
  invoiceUrl: "http://localhost:3000/i/preview-token",
  pdfAttached: false,
} satisfies CreditNoteEmailProps;

import { Text } from "@react-email/components";
import { DocumentSummary, LinkButton } from "./components/document-email";
import { EmailLayout, paragraph } from "./components/email-layout";

/** One invoice the payment went to; amounts formatted. */
export type ReceiptInvoiceLine = { invoiceNumber: string; applied: string; stillDue: string };

/** The figures of a receipt, formatted for reading. */
export interface ReceiptFigures {
  receiptNumber: string;
  /** e.g. "$120.00" */
  amount: string;
  /** e.g. "Mar 15, 2026" */
  date: string;
  /** e.g. "Card (Stripe)" */
  method: string;
  reference: string | null;
  invoices: ReceiptInvoiceLine[];
  /** what no invoice took, kept as credit; null when nothing */
  keptAsCredit: string | null;
}

/** The receipt's summary and, per invoice, what was applied and what is still due. */
export function ReceiptDetails({ figures }: { figures: ReceiptFigures }) {
  return (
    <>
      <DocumentSummary
        rows={[
          ["Receipt", figures.receiptNumber],
          ["Amount paid", figures.amount],
          ["Date", figures.date],
          ["Method", figures.method],
          ...(figures.reference ? [["Reference", figures.reference] as const] : []),
          ...(figures.keptAsCredit ? [["Kept as credit", figures.keptAsCredit] as const] : []),
        ]}
      />
      {figures.invoices.map((line) => (
        <Text key={line.invoiceNumber} style={paragraph}>
          Invoice <strong>{line.invoiceNumber}</strong>: {line.applied} applied, {line.stillDue} still due.
        </Text>
      ))}
    </>
  );
}

export interface ReceiptEmailProps {
  companyName: string;
  greetingName: string;
  figures: ReceiptFigures;
  /** the public page of the invoice paid, when there is one */
  invoiceUrl: string | null;
  pdfAttached: boolean;
}

export default function ReceiptEmail({ companyName, greetingName, figures, invoiceUrl, pdfAttached }: ReceiptEmailProps) {
  return (
    <EmailLayout preview={`Receipt ${figures.receiptNumber}: we received ${figures.amount}`} companyName={companyName}>
      <Text style={paragraph}>Hello {greetingName},</Text>
      <Text style={paragraph}>
        Thank you: we received your payment of {figures.amount} on {figures.date}.
      </Text>
      <ReceiptDetails figures={figures} />
      {invoiceUrl ? <LinkButton href={invoiceUrl} label="View the invoice" /> : null}
      {pdfAttached ? <Text style={paragraph}>The receipt is attached as a PDF.</Text> : null}
      <Text style={paragraph}>
        Kind regards,
        <br />
        {companyName}
      </Text>
    </EmailLayout>
  );
}

export const receiptPreviewFigures: ReceiptFigures = {
  receiptNumber: "REC-2026-00012",
  amount: "$520.25",
  date: "Mar 20, 2026",
  method: "Card (Stripe)",
  reference: "pi_3PqLr2",
  invoices: [{ invoiceNumber: "INV-2026-00042", applied: "$520.25", stillDue: "$0.00" }],
  keptAsCredit: null,
};

ReceiptEmail.PreviewProps = {
  companyName: "Demo Trading Ltd",
  greetingName: "Acme",
  figures: receiptPreviewFigures,
  invoiceUrl: "http://localhost:3000/i/preview-token",
  pdfAttached: true,
} satisfies ReceiptEmailProps;

// tsx (the PDF bench) reads tsconfig's "jsx": "preserve" as classic React.createElement; Next does not need this
/** @jsxRuntime automatic */
import { Document, Page } from "@react-pdf/renderer";
import { billTo } from "./bill-to";
import { DocumentHeader } from "./header";
import {
  invoiceColumns,
  invoiceMeta,
  invoiceNotes,
  invoiceReference,
  invoiceRows,
  invoiceStatus,
  invoiceTaxRows,
  invoiceTotals,
  invoiceWatermark,
  isPayable,
} from "./invoice-model";
import { LinesTable } from "./lines-table";
import { lookFromTemplate } from "./look";
import { Notes } from "./notes";
import { PageChrome } from "./page-chrome";
import { PaymentInstructions } from "./payment-instructions";
import { styles } from "./styles";
import { Summary } from "./summary";
import type { InvoicePdfData } from "./types";

type InvoiceDocumentProps = {
  data: InvoicePdfData;
  /** PNG data URL of the public page's QR code; null for drafts (their link does not open) */
  qrCode: string | null;
};

/** One invoice as an A4 document, laid out by the invoice's template. */
export function InvoiceDocument({ data, qrCode }: InvoiceDocumentProps) {
  const { detail, company } = data;
  const look = lookFromTemplate(detail.template);
  const reference = invoiceReference(detail);
  const payable = isPayable(detail);
  return (
    <Document title={detail.invoice.number ? `Invoice ${detail.invoice.number}` : "Draft invoice"} author={company.legalName} creator="CleanPay" producer="CleanPay">
      <Page
        size="A4"
        style={styles.page}
        layout={(page) => <PageChrome {...page} reference={reference} footerText={look.footerText} watermark={invoiceWatermark(detail)} />}
      >
        <DocumentHeader
          company={company}
          showLogo={look.showLogo}
          accentColor={look.accentColor}
          title="INVOICE"
          reference={reference}
          status={invoiceStatus(detail, look)}
          meta={invoiceMeta(detail)}
          billTo={billTo(detail.customer, "Bill to")}
          headerText={look.headerText}
        />
        <LinesTable accentColor={look.accentColor} descriptionTitle="Description" columns={invoiceColumns(look)} rows={invoiceRows(detail)} />
        <Summary taxRows={invoiceTaxRows(detail)} totals={invoiceTotals(detail)} accentColor={look.accentColor} />
        {payable ? <PaymentInstructions lines={data.paymentInstructions} qrCode={qrCode} /> : null}
        <Notes blocks={invoiceNotes(detail)} />
      </Page>
    </Document>
  );
}

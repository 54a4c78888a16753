// tsx (the PDF bench) reads tsconfig's "jsx": "preserve" as classic React.createElement; Next does not need this
/** @jsxRuntime automatic */
import { Document, Page, Text } from "@react-pdf/renderer";
import { billTo } from "./bill-to";
import { DocumentHeader } from "./header";
import { LinesTable } from "./lines-table";
import { DEFAULT_ACCENT } from "./look";
import { Notes } from "./notes";
import { PageChrome } from "./page-chrome";
import { receiptColumns, receiptMeta, receiptRows, receiptTotals, type ReceiptPdfData } from "./receipt-model";
import { styles } from "./styles";
import { Summary } from "./summary";

/** A payment receipt as an A4 document: who paid, how, and where the money went. */
export function ReceiptDocument({ data }: { data: ReceiptPdfData }) {
  const { receipt, company } = data;
  const reference = receipt.payment.receiptNumber ?? receipt.payment.number;
  const rows = receiptRows(receipt);
  return (
    <Document title={`Receipt ${reference}`} author={company.legalName} creator="CleanPay" producer="CleanPay">
      <Page size="A4" style={styles.page} layout={(page) => <PageChrome {...page} reference={reference} footerText={null} watermark={null} />}>
        <DocumentHeader
          company={company}
          showLogo
          accentColor={DEFAULT_ACCENT}
          title="RECEIPT"
          reference={reference}
          status={null}
          meta={receiptMeta(receipt)}
          billTo={billTo(receipt.customer, "Received from")}
          headerText={null}
        />
        {rows.length ? (
          <LinesTable accentColor={DEFAULT_ACCENT} descriptionTitle="Applied to" columns={receiptColumns} rows={rows} />
        ) : (
          <Text style={styles.section}>Not applied to an invoice: the whole amount is kept as credit.</Text>
        )}
        <Summary taxRows={[]} totals={receiptTotals(receipt)} accentColor={DEFAULT_ACCENT} />
        <Notes blocks={[{ heading: "Note", text: receipt.payment.note }, { heading: null, text: "Thank you for your payment." }]} />
      </Page>
    </Document>
  );
}

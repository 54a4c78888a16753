// tsx (the PDF bench) reads tsconfig's "jsx": "preserve" as classic React.createElement; Next does not need this
/** @jsxRuntime automatic */
import { Document, Page, Text, View } from "@react-pdf/renderer";
import { billTo } from "./bill-to";
import { formatPdfDate } from "./format";
import { DocumentHeader } from "./header";
import { LinesTable } from "./lines-table";
import { PageChrome } from "./page-chrome";
import { statementColumns, statementSections, type StatementPdfData } from "./statement-model";
import { styles } from "./styles";
import { Summary } from "./summary";

const ACCENT = "#1f2937";

/** A customer's statement of account: one table and one balance box per currency. */
export function StatementDocument({ data }: { data: StatementPdfData }) {
  const { company, customer, period } = data;
  const sections = statementSections(data);
  const reference = `${customer.number} · ${period.from} – ${period.to}`;
  return (
    <Document title={`Statement of account ${customer.displayName}`} author={company.legalName} creator="CleanPay" producer="CleanPay">
      <Page size="A4" style={styles.page} layout={(page) => <PageChrome {...page} reference={reference} footerText={null} watermark={null} />}>
        <DocumentHeader
          company={company}
          showLogo
          accentColor={ACCENT}
          title="Statement of account"
          reference={customer.number}
          status={null}
          meta={[
            { label: "From", value: formatPdfDate(period.from) },
            { label: "To", value: formatPdfDate(period.to) },
          ]}
          billTo={billTo(customer, "Statement for")}
          headerText={null}
        />
        {sections.length === 0 ? <Text style={styles.section}>No invoices, payments, credit notes or refunds up to {formatPdfDate(period.to)}.</Text> : null}
        {sections.map((section) => (
          <View key={section.currency} style={styles.section}>
            <Text style={styles.label}>{`Account in ${section.currency}`}</Text>
            <LinesTable accentColor={ACCENT} descriptionTitle="Document" columns={statementColumns} rows={section.rows} />
            <Summary taxRows={[]} totals={section.totals} accentColor={ACCENT} />
          </View>
        ))}
      </Page>
    </Document>
  );
}

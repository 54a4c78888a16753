// tsx (the PDF bench) reads tsconfig's "jsx": "preserve" as classic React.createElement; Next does not need this
/** @jsxRuntime automatic */
import { Document, Page } from "@react-pdf/renderer";
import { billTo } from "./bill-to";
import { creditNoteColumns, creditNoteMeta, creditNoteRows, creditNoteTotals, type CreditNotePdfData } from "./credit-note-model";
import { DocumentHeader } from "./header";
import { LinesTable } from "./lines-table";
import { lookFromTemplate } from "./look";
import { Notes } from "./notes";
import { PageChrome } from "./page-chrome";
import { styles } from "./styles";
import { Summary } from "./summary";

/** A credit note as an A4 document, in the colours of the credited invoice's template. */
export function CreditNoteDocument({ data }: { data: CreditNotePdfData }) {
  const { detail, company } = data;
  const look = lookFromTemplate(data.template);
  const reference = detail.creditNote.number;
  return (
    <Document title={`Credit note ${reference}`} author={company.legalName} creator="CleanPay" producer="CleanPay">
      <Page size="A4" style={styles.page} layout={(page) => <PageChrome {...page} reference={reference} footerText={look.footerText} watermark={null} />}>
        <DocumentHeader
          company={company}
          showLogo={look.showLogo}
          accentColor={look.accentColor}
          title="CREDIT NOTE"
          reference={reference}
          status={null}
          meta={creditNoteMeta(detail)}
          billTo={billTo(detail.customer, "Credit to")}
          headerText={look.headerText}
        />
        <LinesTable accentColor={look.accentColor} descriptionTitle="Description" columns={creditNoteColumns} rows={creditNoteRows(detail)} />
        <Summary taxRows={[]} totals={creditNoteTotals(detail)} accentColor={look.accentColor} />
        <Notes blocks={[{ heading: "Reason", text: detail.creditNote.reason }]} />
      </Page>
    </Document>
  );
}

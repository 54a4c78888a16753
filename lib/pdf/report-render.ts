import { renderToBuffer } from "@react-pdf/renderer";
import { registerPdfFonts } from "./fonts";
import { ReportTableDocument, type ReportPdfData } from "./report-table-document";

/** The report as PDF bytes, from data already loaded. */
export async function renderReportPdf(data: ReportPdfData): Promise<Uint8Array> {
  registerPdfFonts();
  // called as a function: renderToBuffer wants the <Document> element itself at the root
  return new Uint8Array(await renderToBuffer(ReportTableDocument({ data })));
}

import type { TemplateColumn } from "@/db/schema/invoice-templates";
import type { InvoiceDetail } from "@/lib/invoices/detail-types";

/** The company's logo as stored: PNG and JPEG print; SVG has no PDF image form, so it is left out. */
export type PdfLogo = { bytes: Uint8Array; mime: string };

/** The issuing company, as printed at the top of every document. */
export type PdfCompany = {
  legalName: string;
  email: string | null;
  phone: string | null;
  /** street lines, "city, region postal code", country: empty ones already dropped */
  addressLines: string[];
  taxId: string | null;
  logo?: PdfLogo | null;
};

/** Everything one invoice PDF needs; built by loadInvoicePdfData or by hand in tests. */
export type InvoicePdfData = {
  detail: InvoiceDetail;
  company: PdfCompany;
  /** absolute URL of the invoice's public page (the QR code and the "pay online" line) */
  publicUrl: string;
  /** one paragraph each, in order */
  paymentInstructions: string[];
};

/** The invoice template as the PDF applies it: a missing template means the defaults. */
export type PdfLook = {
  accentColor: string;
  showLogo: boolean;
  columns: ReadonlySet<TemplateColumn>;
  headerText: string | null;
  footerText: string | null;
};

import type { Db } from "@/db";
import { addressLines } from "@/lib/pdf/format";
import { paymentInstructions } from "@/lib/pdf/load";
import type { PdfCompany } from "@/lib/pdf/types";
import { getCompanySettings } from "@/lib/settings/queries";
import { getInvoiceDetail } from "./detail";
import type { InvoiceDetail } from "./detail-types";
import { recordPublicView } from "./lifecycle";
import { findInvoiceByPublicToken } from "./public-link";

/** Who opened the link: a signed-in staff member previewing it, or anyone else (the customer). */
export type PublicViewer = "customer" | "staff";

export type PublicInvoiceView = {
  detail: InvoiceDetail;
  company: Omit<PdfCompany, "logo">;
  /** the PDF route accepts the page's token instead of a session */
  pdfPath: string;
  /** how to pay, as the PDF prints it, without the link to this very page */
  paymentInstructions: string[];
  staffPreview: boolean;
};

/**
 * The invoice behind a public link, or null for any link that does not open (malformed, tampered,
 * revoked, draft, deleted). A customer's visit is counted (first one sets viewedAt, a sent
 * invoice becomes viewed) before the read, so the page shows the status it caused; staff are not counted.
 */
export async function loadPublicInvoice(db: Db, token: string, viewer: PublicViewer): Promise<PublicInvoiceView | null> {
  const found = await findInvoiceByPublicToken(db, token);
  if (!found) return null;
  if (viewer === "customer") await recordPublicView(db, found.id);
  const detail = await getInvoiceDetail(db, found.id);
  if (!detail) return null;
  const settings = await getCompanySettings(db);
  const company: Omit<PdfCompany, "logo"> = {
    legalName: settings?.legalName ?? "",
    email: settings?.email ?? null,
    phone: settings?.phone ?? null,
    addressLines: settings ? addressLines(settings) : [],
    taxId: settings?.taxId ?? null,
  };
  const pagePath = `/i/${token}`;
  return {
    detail,
    company,
    pdfPath: `/api/invoices/${found.id}/pdf?token=${encodeURIComponent(token)}`,
    paymentInstructions: paymentInstructions(detail, company, pagePath).filter((line) => !line.includes(pagePath)),
    staffPreview: viewer === "staff",
  };
}

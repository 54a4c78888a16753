import type { Db } from "@/db";
import { getCreditNoteDetail } from "@/lib/credit-notes/queries";
import { getInvoiceDetail } from "@/lib/invoices/detail";
import type { InvoiceDetail } from "@/lib/invoices/detail-types";
import { publicPathFor } from "@/lib/invoices/public-link";
import { getCompanyLogo, getCompanySettings } from "@/lib/settings/queries";
import type { CreditNotePdfData } from "./credit-note-model";
import { addressLines } from "./format";
import type { InvoicePdfData, PdfCompany } from "./types";

/** The issuer as printed; an unconfigured company prints no name rather than a made-up one. */
/** The company block every PDF prints: name, address, contact, tax id, logo. */
export async function loadCompany(db: Db): Promise<PdfCompany> {
  const [settings, logo] = await Promise.all([getCompanySettings(db), getCompanyLogo(db)]);
  if (!settings) return { legalName: "", email: null, phone: null, addressLines: [], taxId: null, logo };
  return {
    legalName: settings.legalName,
    email: settings.email,
    phone: settings.phone,
    addressLines: addressLines(settings),
    taxId: settings.taxId,
    logo,
  };
}

/**
 * How to pay, until payment gateways exist: the public page (not for a draft, whose link does not
 * open), the reference to quote, and who to ask. company_settings holds no bank details yet.
 */
export function paymentInstructions(detail: InvoiceDetail, company: PdfCompany, publicUrl: string): string[] {
  const { invoice } = detail;
  return [
    ...(invoice.status === "draft" ? [] : [`Pay online: ${publicUrl}`]),
    invoice.number ? `Please quote ${invoice.number} with your payment.` : "Please quote the invoice number with your payment.",
    ...(company.email ? [`For bank transfer details or any question about this invoice, email ${company.email}.`] : []),
  ];
}

/** Everything the invoice PDF prints; null when the invoice is unknown or deleted. */
export async function loadInvoicePdfData(db: Db, invoiceId: string, appUrl: string): Promise<InvoicePdfData | null> {
  const detail = await getInvoiceDetail(db, invoiceId);
  if (!detail) return null;
  const company = await loadCompany(db);
  const publicUrl = `${appUrl.replace(/\/+$/, "")}${publicPathFor(detail.invoice)}`;
  return { detail, company, publicUrl, paymentInstructions: paymentInstructions(detail, company, publicUrl) };
}

/** Everything the credit note PDF prints, in the credited invoice's template; null when unknown. */
export async function loadCreditNotePdfData(db: Db, creditNoteId: string): Promise<CreditNotePdfData | null> {
  const detail = await getCreditNoteDetail(db, creditNoteId);
  if (!detail) return null;
  const [company, invoice] = await Promise.all([loadCompany(db), getInvoiceDetail(db, detail.invoice.id)]);
  return { detail, company, template: invoice?.template ?? null };
}

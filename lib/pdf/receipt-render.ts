import { renderToBuffer } from "@react-pdf/renderer";
import type { Db } from "@/db";
import { loadReceiptData, type ReceiptData } from "@/lib/receipts/receipt-data";
import { getCompanyLogo, getCompanySettings } from "@/lib/settings/queries";
import { registerPdfFonts } from "./fonts";
import { addressLines } from "./format";
import { ReceiptDocument } from "./receipt-document";
import type { ReceiptPdfData } from "./receipt-model";
import type { PdfCompany } from "./types";

// the same issuer block as lib/pdf/load.ts prints on invoices (that loader is private there)
async function loadCompany(db: Db): Promise<PdfCompany> {
  const [settings, logo] = await Promise.all([getCompanySettings(db), getCompanyLogo(db)]);
  if (!settings) return { legalName: "", email: null, phone: null, addressLines: [], taxId: null, logo };
  return { legalName: settings.legalName, email: settings.email, phone: settings.phone, addressLines: addressLines(settings), taxId: settings.taxId, logo };
}

/** A receipt exists for a payment that succeeded and was given its REC number; null otherwise. */
export async function loadReceiptPdfData(db: Db, paymentId: string): Promise<ReceiptPdfData | null> {
  const receipt = await loadReceiptData(db, paymentId);
  if (!receipt || receipt.payment.status !== "succeeded" || !receipt.payment.receiptNumber) return null;
  return { receipt, company: await loadCompany(db) };
}

/** The receipt PDF of a payment already loaded (by a notice, in its transaction). */
export async function renderReceiptPdfFor(db: Db, receipt: ReceiptData): Promise<Uint8Array> {
  return renderReceiptPdfData({ receipt, company: await loadCompany(db) });
}

/** The receipt as PDF bytes, from data already loaded. */
export async function renderReceiptPdfData(data: ReceiptPdfData): Promise<Uint8Array> {
  registerPdfFonts();
  // called as a function: renderToBuffer wants the <Document> element itself at the root
  return new Uint8Array(await renderToBuffer(ReceiptDocument({ data })));
}

/** The receipt of a succeeded payment as PDF bytes; throws when it has none (see loadReceiptPdfData). */
export async function renderReceiptPdf(db: Db, paymentId: string): Promise<Uint8Array> {
  const data = await loadReceiptPdfData(db, paymentId);
  if (!data) throw new Error(`payment ${paymentId} has no receipt: it has not succeeded or has no receipt number`);
  return renderReceiptPdfData(data);
}

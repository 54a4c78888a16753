import { renderToBuffer } from "@react-pdf/renderer";
import type { Db } from "@/db";
import { loadReceiptData, type ReceiptData } from "@/lib/receipts/receipt-data";
import { registerPdfFonts } from "./fonts";
import { loadCompany } from "./load";
import { ReceiptDocument } from "./receipt-document";
import type { ReceiptPdfData } from "./receipt-model";

// the same issuer block as lib/pdf/load.ts prints on invoices (that loader is private there)
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

import { renderToBuffer } from "@react-pdf/renderer";
import { CreditNoteDocument } from "./credit-note-document";
import type { CreditNotePdfData } from "./credit-note-model";
import { registerPdfFonts } from "./fonts";
import { InvoiceDocument } from "./invoice-document";
import { isPayable } from "./invoice-model";
import { qrDataUrl } from "./qr";
import type { InvoicePdfData } from "./types";

/** The invoice as PDF bytes. Pure rendering: everything printed comes in `data`. */
export async function renderInvoicePdf(data: InvoicePdfData): Promise<Buffer> {
  registerPdfFonts();
  // the QR code opens the public page: only while payable, never for a draft (its link does not open)
  const { detail } = data;
  const qrCode = isPayable(detail) && detail.invoice.status !== "draft" ? await qrDataUrl(data.publicUrl) : null;
  // called as a function: renderToBuffer wants the <Document> element itself at the root
  return renderToBuffer(InvoiceDocument({ data, qrCode }));
}

/** The credit note as PDF bytes. */
export async function renderCreditNotePdf(data: CreditNotePdfData): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(CreditNoteDocument({ data }));
}

import { and, inArray, isNull } from "drizzle-orm";
import JSZip from "jszip";
import type { Db } from "@/db";
import { invoices } from "@/db/schema";
import { loadInvoicePdfData } from "@/lib/pdf/load";
import { renderInvoicePdf } from "@/lib/pdf/render";
import { BULK_MAX } from "./bulk";

export interface InvoicesZip {
  bytes: Uint8Array;
  included: number;
  failed: { id: string; number: string | null; error: string }[];
}

/** "INV-2026-00012.pdf"; a draft has no number yet, so it is named by its id. */
function pdfName(invoice: { id: string; number: string | null }, taken: Set<string>): string {
  const base = (invoice.number ?? `draft-${invoice.id.slice(0, 8)}`).replace(/[^A-Za-z0-9._-]+/g, "-");
  let name = `${base}.pdf`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.pdf`;
  taken.add(name);
  return name;
}

/**
 * One zip with the PDF of each invoice (deleted or unknown ids are left out). PDFs render one at a
 * time, so a large selection costs time rather than memory spikes; one that fails to render is
 * listed in errors.txt inside the zip instead of failing the whole download.
 */
export async function buildInvoicesZip(db: Db, ids: readonly string[], appUrl: string): Promise<InvoicesZip> {
  if (ids.length > BULK_MAX) throw new RangeError(`buildInvoicesZip: at most ${BULK_MAX} ids, got ${ids.length}`);
  const found = await db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(and(inArray(invoices.id, [...new Set(ids)]), isNull(invoices.deletedAt)));
  const zip = new JSZip();
  const taken = new Set<string>();
  const failed: InvoicesZip["failed"] = [];
  for (const invoice of found) {
    try {
      const data = await loadInvoicePdfData(db, invoice.id, appUrl);
      // deleted since the list was shown
      if (!data) {
        failed.push({ ...invoice, error: "This invoice no longer exists." });
        continue;
      }
      zip.file(pdfName(invoice, taken), await renderInvoicePdf(data));
    } catch (error) {
      console.error(`PDF for invoice ${invoice.id} failed`, error);
      failed.push({ ...invoice, error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (failed.length) zip.file("errors.txt", failed.map((f) => `${f.number ?? f.id}: ${f.error}`).join("\n"));
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { bytes, included: found.length - failed.length, failed };
}

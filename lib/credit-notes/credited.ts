import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { creditNoteLines, creditNotes } from "@/db/schema";
import { sumMinor } from "@/lib/payments/sql";
import type { CreditedSoFar } from "./amounts";

/** Per invoice line, what all credit notes on the invoice have taken so far (quantity, net, tax). */
export async function creditedByLine(db: Db, invoiceId: string): Promise<Map<string, CreditedSoFar>> {
  const rows = await db
    .select({
      lineId: creditNoteLines.invoiceLineId,
      quantity: sumMinor(creditNoteLines.quantity),
      net: sumMinor(creditNoteLines.net),
      tax: sumMinor(creditNoteLines.tax),
    })
    .from(creditNoteLines)
    .innerJoin(creditNotes, eq(creditNotes.id, creditNoteLines.creditNoteId))
    .where(eq(creditNotes.invoiceId, invoiceId))
    .groupBy(sql`${creditNoteLines.invoiceLineId}`);
  return new Map(rows.map(({ lineId, ...credited }) => [lineId, credited]));
}

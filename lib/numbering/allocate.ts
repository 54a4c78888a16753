import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { numberSequences } from "@/db/schema";

/**
 * Takes `count` consecutive numbers of a series in the caller's transaction and returns the first.
 * The UPDATE locks the counter row until the transaction ends, so concurrent callers queue up and
 * a rolled-back transaction gives its numbers back: no gaps, no duplicates.
 */
export async function allocateNumbers(tx: Db, series: string, count = 1, period = ""): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`allocateNumbers: bad count ${count}`);
  await tx.insert(numberSequences).values({ series, period }).onConflictDoNothing();
  const [row] = await tx
    .update(numberSequences)
    .set({ nextValue: sql`${numberSequences.nextValue} + ${count}`, updatedAt: new Date() })
    .where(sql`${numberSequences.series} = ${series} and ${numberSequences.period} = ${period}`)
    .returning({ next: numberSequences.nextValue });
  if (!row) throw new Error(`number sequence ${series}/${period} missing`);
  return row.next - count;
}

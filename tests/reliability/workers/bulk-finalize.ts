import { asc, eq } from "drizzle-orm";
import { invoices } from "@/db/schema";
import { BULK_MAX, runBulk, type BulkOutcome } from "@/lib/invoices/bulk";
import { finalizeInvoice } from "@/lib/invoices/finalize";
import { connectWorker } from "./connect";

// The invoice list's bulk Finalize over every invoice of one customer (argv[2]), sent in chunks of
// BULK_MAX as the list sends its selection. Run again after a kill, it gets the same selection.
const customerId = process.argv[2];
if (!customerId) throw new Error("usage: bulk-finalize.ts <customer id>");
const { db, actor, close } = await connectWorker();
const selection = await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.customerId, customerId)).orderBy(asc(invoices.createdAt), asc(invoices.id));
const outcomes: BulkOutcome[] = [];
for (let start = 0; start < selection.length; start += BULK_MAX) {
  const chunk = selection.slice(start, start + BULK_MAX).map((row) => row.id);
  outcomes.push(...(await runBulk(chunk, (id) => finalizeInvoice(db, id, actor))));
}
const refused: Record<string, number> = {};
for (const outcome of outcomes) if (!outcome.ok) refused[outcome.error] = (refused[outcome.error] ?? 0) + 1;
console.log(JSON.stringify({ selected: selection.length, finalized: outcomes.filter((outcome) => outcome.ok).length, refused }));
await close();

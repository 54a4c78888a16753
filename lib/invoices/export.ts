import { and, count, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, invoices } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { csvLine } from "@/lib/csv";
import { minorToDecimalString } from "@/lib/money";
import { invoiceListOrder, invoiceListWhere } from "./list";
import { toInvoiceSearchParams, type InvoiceListFilters } from "./list-params";
import { displayStatus } from "./status";

// CSV export of the invoice list as filtered (every page), in the list's order. Money is a plain
// decimal string in the row's own currency, next to a currency column, so a spreadsheet never
// mixes currencies or reads a rounded float.

export const EXPORT_COLUMNS = [
  "number", "customer_number", "customer", "status", "issue_date", "due_date", "currency",
  "subtotal", "discount", "tax", "total", "amount_paid", "amount_credited", "amount_due",
] as const;

export const EXPORT_BATCH_SIZE = 1000;

const exportSelection = {
  id: invoices.id,
  number: invoices.number,
  customerNumber: customers.number,
  customer: customers.displayName,
  status: invoices.status,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  subtotal: invoices.subtotal,
  discountTotal: invoices.discountTotal,
  taxTotal: invoices.taxTotal,
  total: invoices.total,
  amountPaid: invoices.amountPaid,
  amountCredited: invoices.amountCredited,
  amountDue: invoices.amountDue,
};

function selectBatch(db: Db, filters: InvoiceListFilters, where: SQL | undefined, offset: number, limit: number) {
  return db
    .select(exportSelection)
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(where)
    .orderBy(...invoiceListOrder(filters.sort, filters.dir))
    .limit(limit)
    .offset(offset);
}
type ExportRow = Awaited<ReturnType<typeof selectBatch>>[number];

/** One invoice as a CSV record (the status as its badge shows it, "overdue" included). */
export function invoiceToCsvRecord(row: ExportRow, today: string): string[] {
  const money = (minor: bigint) => minorToDecimalString(minor, row.currency);
  return [
    row.number ?? "",
    row.customerNumber,
    row.customer,
    displayStatus(row, today),
    row.issueDate,
    row.dueDate,
    row.currency,
    money(row.subtotal),
    money(row.discountTotal),
    money(row.taxTotal),
    money(row.total),
    money(row.amountPaid),
    money(row.amountCredited),
    money(row.amountDue),
  ];
}

/** What to export: the list's filters, optionally narrowed to the rows someone ticked. */
export interface InvoiceExportScope {
  filters: InvoiceListFilters;
  ids?: readonly string[];
}

export async function scopeWhere(db: Db, scope: InvoiceExportScope, today: string): Promise<SQL | undefined> {
  const where = await invoiceListWhere(db, scope.filters, today);
  return scope.ids ? and(where, inArray(invoices.id, [...scope.ids])) : where;
}

/**
 * The CSV (header, then the rows `batchSize` at a time) as a byte stream that reads the
 * database as it is pulled. Batches go by OFFSET in the list's total order (the id breaks ties),
 * so any sort the list offers exports the same way.
 */
export function invoicesCsvStream(
  db: Db,
  filters: InvoiceListFilters,
  where: SQL | undefined,
  today: string,
  batchSize = EXPORT_BATCH_SIZE,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let offset = -1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset < 0) {
        offset = 0;
        controller.enqueue(encoder.encode(csvLine(EXPORT_COLUMNS)));
        return;
      }
      const batch = await selectBatch(db, filters, where, offset, batchSize);
      offset += batch.length;
      if (batch.length) controller.enqueue(encoder.encode(batch.map((row) => csvLine(invoiceToCsvRecord(row, today))).join("")));
      if (batch.length < batchSize) controller.close();
    },
  });
}

export function exportFilename(now: Date): string {
  return `invoices-${now.toISOString().slice(0, 10)}.csv`;
}

export interface InvoiceExport {
  filename: string;
  rowCount: number;
  stream: ReadableStream<Uint8Array>;
}

/**
 * Starts an export: the audit row (filters, ticked ids, number of rows) is written before the
 * first byte leaves, so an interrupted download is still on record.
 */
export async function startInvoiceExport(db: Db, scope: InvoiceExportScope, today: string, actor: Actor, now = new Date()): Promise<InvoiceExport> {
  const where = await scopeWhere(db, scope, today);
  const [counted] = await db.select({ n: count() }).from(invoices).where(where);
  const rowCount = counted?.n ?? 0;
  await writeAudit(db, actor, {
    action: "invoice.exported",
    entityType: "invoice",
    after: { filters: toInvoiceSearchParams({ ...scope.filters, page: 1 }), ids: scope.ids ?? null, rowCount },
  });
  return { filename: exportFilename(now), rowCount, stream: invoicesCsvStream(db, scope.filters, where, today) };
}

import { and, count, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { customers } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { csvLine } from "@/lib/csv";
import { minorToDecimalString } from "@/lib/money";
import { viewQuery, type CustomerListFilters } from "./list-params";
import { listOrder, listWhere } from "./queries";

// CSV export of the list as filtered. Columns carry the import's field names, so an exported file
// can be imported again. Rows are read in keyset batches (never the whole book in memory, never
// OFFSET deep into the table) and streamed out as they come.

export const EXPORT_COLUMNS = [
  "number", "company_name", "first_name", "last_name", "email", "phone", "secondary_email", "secondary_phone",
  "billing_street", "billing_city", "billing_region", "billing_postal_code", "billing_country",
  "shipping_street", "shipping_city", "shipping_region", "shipping_postal_code", "shipping_country",
  "tax_id", "industry", "website", "currency", "payment_terms", "credit_limit", "preferred_payment_method",
  "status", "tags", "language", "auto_send_invoices", "send_reminders", "notes", "created_at",
] as const;

export const EXPORT_BATCH_SIZE = 1000;

const exportSelection = {
  id: customers.id,
  number: customers.number,
  company_name: customers.companyName,
  first_name: customers.firstName,
  last_name: customers.lastName,
  email: customers.email,
  phone: customers.phone,
  secondary_email: customers.secondaryEmail,
  secondary_phone: customers.secondaryPhone,
  billing_street: customers.billingStreet,
  billing_city: customers.billingCity,
  billing_region: customers.billingRegion,
  billing_postal_code: customers.billingPostalCode,
  billing_country: customers.billingCountry,
  shipping_street: customers.shippingStreet,
  shipping_city: customers.shippingCity,
  shipping_region: customers.shippingRegion,
  shipping_postal_code: customers.shippingPostalCode,
  shipping_country: customers.shippingCountry,
  tax_id: customers.taxId,
  industry: customers.industry,
  website: customers.website,
  currency: customers.currency,
  payment_terms: customers.paymentTerms,
  credit_limit: customers.creditLimit,
  preferred_payment_method: customers.preferredPaymentMethod,
  status: customers.status,
  tags: customers.tags,
  language: customers.language,
  auto_send_invoices: customers.autoSendInvoices,
  send_reminders: customers.sendReminders,
  notes: customers.notes,
  created_at: customers.createdAt,
};

// the sort key as the database spells it: a JS Date would drop the microseconds of created_at
// and the next batch could skip or repeat rows
const CURSOR_SQL = {
  name: sql<string>`${customers.displayName}`,
  number: sql<string>`${customers.number}`,
  created: sql<string>`${customers.createdAt}::text`,
} as const;

function afterCursor(filters: CustomerListFilters, cursor: { value: string; id: string }): SQL {
  const column = filters.sort === "created" ? sql`${customers.createdAt}` : filters.sort === "number" ? sql`${customers.number}` : sql`${customers.displayName}`;
  const value = filters.sort === "created" ? sql`${cursor.value}::timestamptz` : sql`${cursor.value}`;
  return filters.dir === "asc"
    ? sql`(${column}, ${customers.id}) > (${value}, ${cursor.id}::uuid)`
    : sql`(${column}, ${customers.id}) < (${value}, ${cursor.id}::uuid)`;
}

function selectBatch(db: Db, filters: CustomerListFilters, where: SQL | undefined, limit: number) {
  return db
    .select({ ...exportSelection, cursor: CURSOR_SQL[filters.sort] })
    .from(customers)
    .where(where)
    .orderBy(...listOrder(filters.sort, filters.dir))
    .limit(limit);
}
export type ExportRow = Awaited<ReturnType<typeof selectBatch>>[number];

/** All rows matching the filters, in the list's order, `batchSize` at a time. */
export async function* exportBatches(db: Db, filters: CustomerListFilters, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<ExportRow[]> {
  const where = listWhere(filters);
  let cursor: { value: string; id: string } | undefined;
  for (;;) {
    const batch = await selectBatch(db, filters, cursor ? and(where, afterCursor(filters, cursor)) : where, batchSize);
    if (batch.length) yield batch;
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1]!;
    cursor = { value: last.cursor, id: last.id };
  }
}

/** One customer as the import reads it back: money as a decimal string, tags "a; b", flags true/false. */
export function customerToCsvRecord(row: ExportRow): string[] {
  return EXPORT_COLUMNS.map((column) => {
    const value = row[column];
    if (value === null || value === undefined) return "";
    if (column === "credit_limit") return minorToDecimalString(value as bigint, row.currency);
    if (column === "tags") return (value as string[]).join("; ");
    if (value instanceof Date) return value.toISOString();
    return String(value);
  });
}

export function exportFilename(now: Date): string {
  return `customers-${now.toISOString().slice(0, 10)}.csv`;
}

export function countForExport(db: Db, filters: CustomerListFilters): Promise<number> {
  return db
    .select({ n: count() })
    .from(customers)
    .where(listWhere(filters))
    .then(([row]) => row?.n ?? 0);
}

/** The whole CSV (header, then every batch) as a byte stream that reads the database as it is pulled. */
export function customersCsvStream(db: Db, filters: CustomerListFilters, batchSize = EXPORT_BATCH_SIZE): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = exportBatches(db, filters, batchSize);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(EXPORT_COLUMNS)));
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(customerToCsvRecord(row))).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

export interface CustomerExport {
  filename: string;
  rowCount: number;
  stream: ReadableStream<Uint8Array>;
}

/**
 * Starts an export: the audit row (filters and the number of matching rows) is written before the
 * first byte leaves, so an interrupted download is still on record.
 */
export async function startCustomerExport(db: Db, filters: CustomerListFilters, actor: Actor, now = new Date()): Promise<CustomerExport> {
  const rowCount = await countForExport(db, filters);
  await writeAudit(db, actor, {
    action: "customer.exported",
    entityType: "customer",
    after: { filters: viewQuery(filters), rowCount },
  });
  return { filename: exportFilename(now), rowCount, stream: customersCsvStream(db, filters) };
}

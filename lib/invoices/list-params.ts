import { z } from "zod";
import { enumListParam, firstParam, optionalParam, type SortDir } from "@/lib/url-params";
import type { DisplayStatus } from "./status";

// The invoice list's state lives in the URL. This module turns searchParams into filters (never
// throwing: a bad value falls back to its default) and filters back into a query string. Client
// components import it too, so it stays free of database and server imports.

/** The statuses people filter by are the ones they see on the badges, "overdue" included. */
export const INVOICE_LIST_STATUSES = [
  "draft",
  "finalized",
  "sent",
  "viewed",
  "partial",
  "paid",
  "overdue",
  "void",
  "uncollectible",
] as const satisfies readonly DisplayStatus[];
export const INVOICE_SORTS = ["number", "customer", "issueDate", "dueDate", "total", "amountDue", "status"] as const;
export const INVOICES_PAGE_SIZE = 25;

export type InvoiceListStatus = (typeof INVOICE_LIST_STATUSES)[number];
export type InvoiceSort = (typeof INVOICE_SORTS)[number];
export type { SortDir };

// newest, latest-numbered and largest first; names, statuses and due dates read in order
const DESC_FIRST: ReadonlySet<InvoiceSort> = new Set(["number", "issueDate", "total", "amountDue"]);

export function defaultDir(sort: InvoiceSort): SortDir {
  return DESC_FIRST.has(sort) ? "desc" : "asc";
}

const statusList = enumListParam(INVOICE_LIST_STATUSES);

const isoDate = optionalParam(z.iso.date());

const rawSchema = z.object({
  q: optionalParam(z.string().max(200)),
  status: statusList.catch([]),
  issuedFrom: isoDate,
  issuedTo: isoDate,
  dueFrom: isoDate,
  dueTo: isoDate,
  customerId: optionalParam(z.uuid()),
  currency: optionalParam(z.string().toUpperCase().regex(/^[A-Z]{3}$/)),
  sort: z.preprocess(firstParam, z.enum(INVOICE_SORTS)).catch("issueDate"),
  dir: optionalParam(z.enum(["asc", "desc"])),
  page: z.preprocess(firstParam, z.coerce.number().int().min(1).max(100_000)).catch(1),
});

export const invoiceListParamsSchema = rawSchema.transform((value) => ({ ...value, dir: value.dir ?? defaultDir(value.sort) }));

export type InvoiceListFilters = z.output<typeof invoiceListParamsSchema>;
export type InvoiceSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** URL searchParams (a Next page's awaited prop, or a URLSearchParams) → filters with safe defaults. */
export function parseInvoiceListParams(input: InvoiceSearchParams): InvoiceListFilters {
  const record = input instanceof URLSearchParams ? Object.fromEntries([...new Set(input.keys())].map((key) => [key, input.getAll(key)])) : input;
  return invoiceListParamsSchema.parse(record);
}

export const DEFAULT_INVOICE_FILTERS: InvoiceListFilters = parseInvoiceListParams({});

const OPTIONAL_KEYS = ["q", "issuedFrom", "issuedTo", "dueFrom", "dueTo", "customerId", "currency"] as const;

/**
 * Filters → query string without the leading "?", defaults left out so the same view always has
 * the same URL. `parseInvoiceListParams(new URLSearchParams(toInvoiceSearchParams(f)))` gives `f` back.
 */
export function toInvoiceSearchParams(filters: Partial<InvoiceListFilters>): string {
  const f = { ...DEFAULT_INVOICE_FILTERS, ...filters };
  const query = new URLSearchParams();
  for (const key of OPTIONAL_KEYS) {
    const value = f[key];
    if (value) query.set(key, value);
  }
  for (const status of f.status) query.append("status", status);
  if (f.sort !== "issueDate") query.set("sort", f.sort);
  if (f.dir !== defaultDir(f.sort)) query.set("dir", f.dir);
  if (f.page > 1) query.set("page", String(f.page));
  return query.toString();
}

/** "/invoices" or "/invoices?…" for these filters. */
export function invoicesHref(filters: Partial<InvoiceListFilters>, path = "/invoices"): string {
  const query = toInvoiceSearchParams(filters);
  return query ? `${path}?${query}` : path;
}

/** True when a search or filter narrows the list (as opposed to sort or paging). */
export function hasInvoiceFilters(filters: InvoiceListFilters): boolean {
  return Boolean(filters.status.length || OPTIONAL_KEYS.some((key) => filters[key]));
}

/** The same list with every search and filter removed, keeping its sort. */
export function clearedInvoicesHref(filters: InvoiceListFilters): string {
  return invoicesHref({ sort: filters.sort, dir: filters.dir });
}

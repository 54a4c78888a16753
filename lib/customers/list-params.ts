import { z } from "zod";
import { enumListParam, firstParam, optionalParam, type SortDir } from "@/lib/url-params";
import type { CustomerStatus } from "@/db/schema/customers";

// The customer list's state lives in the URL. This module turns searchParams into filters (never
// throwing: a bad value falls back to its default) and filters back into a query string. It is
// imported by client components too, so it stays free of database and server imports.

export const LIST_STATUSES = ["active", "suspended", "archived"] as const satisfies readonly CustomerStatus[];
export const LIST_SORTS = ["name", "number", "created"] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export type ListSort = (typeof LIST_SORTS)[number];
export type { SortDir };

/** Newest first is what people want from "created"; names and numbers read A→Z. */
export function defaultDir(sort: ListSort): SortDir {
  return sort === "created" ? "desc" : "asc";
}

const TAG = /^[a-z0-9][a-z0-9 _-]{0,31}$/;

const statusList = enumListParam(LIST_STATUSES);

const flag = z.preprocess(firstParam, z.string().optional()).transform((value) => value !== undefined && ["1", "true", "yes", "on"].includes(value.toLowerCase()));

const rawSchema = z.object({
  q: optionalParam(z.string().max(200)),
  status: statusList.catch([]),
  tag: optionalParam(z.string().toLowerCase().regex(TAG)),
  country: optionalParam(z.string().toUpperCase().regex(/^[A-Z]{2}$/)),
  currency: optionalParam(z.string().toUpperCase().regex(/^[A-Z]{3}$/)),
  sort: z.preprocess(firstParam, z.enum(LIST_SORTS)).catch("name"),
  dir: optionalParam(z.enum(["asc", "desc"])),
  page: z.preprocess(firstParam, z.coerce.number().int().min(1).max(100_000)).catch(1),
  pageSize: z.preprocess(firstParam, z.coerce.number().int().min(1).max(MAX_PAGE_SIZE)).catch(DEFAULT_PAGE_SIZE),
  includeArchived: flag.catch(false),
});

export const customerListParamsSchema = rawSchema.transform((value) => ({
  ...value,
  dir: value.dir ?? defaultDir(value.sort),
  // asking for archived customers by status is asking to see them
  includeArchived: value.includeArchived || value.status.includes("archived"),
}));

export type CustomerListFilters = z.output<typeof customerListParamsSchema>;

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(input: SearchParamsInput): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const entries: [string, string | string[] | undefined][] =
    input instanceof URLSearchParams ? [...new Set(input.keys())].map((key) => [key, input.getAll(key)]) : Object.entries(input);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    out[key] = Array.isArray(value) && value.length === 1 ? value[0]! : value;
  }
  return out;
}

/** URL searchParams (a Next page's awaited prop, or a URLSearchParams) → filters with safe defaults. */
export function parseListParams(input: SearchParamsInput): CustomerListFilters {
  return customerListParamsSchema.parse(toRecord(input));
}

export const DEFAULT_FILTERS: CustomerListFilters = parseListParams({});

/**
 * Filters → query string without the leading "?", leaving out defaults so URLs stay short and
 * the same view always has the same URL. `parseListParams(toSearchParams(f))` gives `f` back.
 */
export function toSearchParams(filters: Partial<CustomerListFilters>): string {
  const f = { ...DEFAULT_FILTERS, ...filters };
  const query = new URLSearchParams();
  if (f.q) query.set("q", f.q);
  for (const status of f.status) query.append("status", status);
  if (f.tag) query.set("tag", f.tag);
  if (f.country) query.set("country", f.country);
  if (f.currency) query.set("currency", f.currency);
  if (f.includeArchived && !f.status.includes("archived")) query.set("includeArchived", "1");
  if (f.sort !== "name") query.set("sort", f.sort);
  if (f.dir !== defaultDir(f.sort)) query.set("dir", f.dir);
  if (f.pageSize !== DEFAULT_PAGE_SIZE) query.set("pageSize", String(f.pageSize));
  if (f.page > 1) query.set("page", String(f.page));
  return query.toString();
}

/** "/customers" or "/customers?…" for these filters. */
export function customersHref(filters: Partial<CustomerListFilters>, path = "/customers"): string {
  const query = toSearchParams(filters);
  return query ? `${path}?${query}` : path;
}

/** True when anything narrows the list (search or a filter), as opposed to sort or paging. */
export function hasActiveFilters(filters: CustomerListFilters): boolean {
  return Boolean(filters.q || filters.status.length || filters.tag || filters.country || filters.currency || filters.includeArchived);
}

/** What a saved view stores: the view's query without the page, in canonical form. */
export function viewQuery(input: SearchParamsInput | CustomerListFilters): string {
  const filters = isFilters(input) ? input : parseListParams(input);
  return toSearchParams({ ...filters, page: 1 });
}

function isFilters(input: SearchParamsInput | CustomerListFilters): input is CustomerListFilters {
  return !(input instanceof URLSearchParams) && Array.isArray((input as { status?: unknown }).status) && typeof input.page === "number";
}

// ---- saved views: shared by the dialog (client) and the server action ----

export const savedViewNameSchema = z
  .string()
  .trim()
  .min(1, "Give the view a name.")
  .max(60, "Use at most 60 characters.");

export const saveViewSchema = z.object({
  name: savedViewNameSchema,
  // the list's current query string; normalised (and stripped of junk) before it is stored
  query: z.string().max(2000, "That view has too many filters.").transform((value) => viewQuery(new URLSearchParams(value))),
});
export type SaveViewValues = z.input<typeof saveViewSchema>;

export const deleteViewSchema = z.object({ id: z.uuid("Unknown view.") });

import { z } from "zod";
import { enumListParam, firstParam, optionalParam, type SortDir } from "@/lib/url-params";
import type { Gateway, PaymentMethodName, PaymentStatus } from "@/db/schema/payments";

// The payment list's state lives in the URL. Parsing never throws: a bad value falls back to its
// default. Client components import this too, so it stays free of database and server imports.

export const PAYMENT_LIST_STATUSES = ["pending", "succeeded", "failed", "rejected", "voided"] as const satisfies readonly PaymentStatus[];
export const PAYMENT_GATEWAYS = ["stripe", "paypal"] as const satisfies readonly Gateway[];
export const PAYMENT_LIST_METHODS = ["card", "paypal", "bank_transfer", "local_wallet", "mpesa", "cash", "check", "other"] as const satisfies readonly PaymentMethodName[];
export const PAYMENT_SORTS = ["receivedOn", "number", "customer", "amount", "status"] as const;
export const PAYMENTS_PAGE_SIZE = 25;

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  pending: "Pending",
  succeeded: "Succeeded",
  failed: "Failed",
  rejected: "Rejected",
  voided: "Voided",
};
export const GATEWAY_LABELS: Record<Gateway, string> = { stripe: "Stripe", paypal: "PayPal" };

export type PaymentSort = (typeof PAYMENT_SORTS)[number];
export type { SortDir };

// newest, latest-numbered and largest first; names and statuses read in order
const DESC_FIRST: ReadonlySet<PaymentSort> = new Set(["receivedOn", "number", "amount"]);

export function defaultPaymentDir(sort: PaymentSort): SortDir {
  return DESC_FIRST.has(sort) ? "desc" : "asc";
}

const statusList = enumListParam(PAYMENT_LIST_STATUSES);

const isoDate = optionalParam(z.iso.date());
// money as typed ("1,234.50"); turned into minor units per currency by the query
const amountText = optionalParam(z.string().max(30).regex(/^\d[\d,\s_]*(?:\.\d*)?$/));

const rawSchema = z.object({
  q: optionalParam(z.string().max(200)),
  status: statusList.catch([]),
  gateway: optionalParam(z.enum(PAYMENT_GATEWAYS)),
  method: optionalParam(z.enum(PAYMENT_LIST_METHODS)),
  customerId: optionalParam(z.uuid()),
  from: isoDate,
  to: isoDate,
  min: amountText,
  max: amountText,
  sort: z.preprocess(firstParam, z.enum(PAYMENT_SORTS)).catch("receivedOn"),
  dir: optionalParam(z.enum(["asc", "desc"])),
  page: z.preprocess(firstParam, z.coerce.number().int().min(1).max(100_000)).catch(1),
});

export const paymentListParamsSchema = rawSchema.transform((value) => ({ ...value, dir: value.dir ?? defaultPaymentDir(value.sort) }));

export type PaymentListFilters = z.output<typeof paymentListParamsSchema>;
export type PaymentSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** URL searchParams (a Next page's awaited prop, or a URLSearchParams) → filters with safe defaults. */
export function parsePaymentListParams(input: PaymentSearchParams): PaymentListFilters {
  const record = input instanceof URLSearchParams ? Object.fromEntries([...new Set(input.keys())].map((key) => [key, input.getAll(key)])) : input;
  return paymentListParamsSchema.parse(record);
}

export const DEFAULT_PAYMENT_FILTERS: PaymentListFilters = parsePaymentListParams({});

const OPTIONAL_KEYS = ["q", "gateway", "method", "customerId", "from", "to", "min", "max"] as const;

/** Filters → query string without the "?", defaults left out so one view always has one URL. */
export function toPaymentSearchParams(filters: Partial<PaymentListFilters>): string {
  const f = { ...DEFAULT_PAYMENT_FILTERS, ...filters };
  const query = new URLSearchParams();
  for (const key of OPTIONAL_KEYS) {
    const value = f[key];
    if (value) query.set(key, value);
  }
  for (const status of f.status) query.append("status", status);
  if (f.sort !== "receivedOn") query.set("sort", f.sort);
  if (f.dir !== defaultPaymentDir(f.sort)) query.set("dir", f.dir);
  if (f.page > 1) query.set("page", String(f.page));
  return query.toString();
}

/** "/payments" or "/payments?…" for these filters. */
export function paymentsHref(filters: Partial<PaymentListFilters>): string {
  const query = toPaymentSearchParams(filters);
  return query ? `/payments?${query}` : "/payments";
}

/** True when a search or filter narrows the list (as opposed to sort or paging). */
export function hasPaymentFilters(filters: PaymentListFilters): boolean {
  return Boolean(filters.status.length || OPTIONAL_KEYS.some((key) => filters[key]));
}

/** The same list with every search and filter removed, keeping its sort. */
export function clearedPaymentsHref(filters: PaymentListFilters): string {
  return paymentsHref({ sort: filters.sort, dir: filters.dir });
}

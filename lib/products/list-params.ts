import { z } from "zod";

// The product list's state lives in the URL. A malformed value falls back to its default instead
// of an error page. Free of database imports: the page's links and forms use it too.

export const PRODUCT_STATUSES = ["active", "inactive"] as const;
export const PRODUCT_SORTS = ["name", "price", "created"] as const;
export const PRODUCTS_PAGE_SIZE = 25;

export type ProductStatusFilter = (typeof PRODUCT_STATUSES)[number];
export type ProductSort = (typeof PRODUCT_SORTS)[number];
export type SortDir = "asc" | "desc";

/** Newest first is what people want from "created"; names and prices read low → high. */
export function defaultDir(sort: ProductSort): SortDir {
  return sort === "created" ? "desc" : "asc";
}

const first = (value: unknown) => (Array.isArray(value) ? (value as unknown[])[0] : value);
// U+0000 counts as malformed: PostgreSQL text cannot carry it
const blankToUndefined = (value: unknown) => {
  const one = first(value);
  return typeof one === "string" && one.trim() !== "" && !one.includes("\u0000") ? one.trim() : undefined;
};

const rawSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().max(200).optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(PRODUCT_STATUSES).optional()).catch(undefined),
  currency: z.preprocess(blankToUndefined, z.string().toUpperCase().regex(/^[A-Z]{3}$/).optional()).catch(undefined),
  sort: z.preprocess(blankToUndefined, z.enum(PRODUCT_SORTS).default("name")).catch("name"),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).optional()).catch(undefined),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});

export const productListParamsSchema = rawSchema.transform((value) => ({ ...value, dir: value.dir ?? defaultDir(value.sort) }));

export type ProductListFilters = z.output<typeof productListParamsSchema>;
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function parseProductListParams(params: RawSearchParams): ProductListFilters {
  return productListParamsSchema.parse(params);
}

/** "/products" or "/products?…"; defaults are left out so the same view always has the same URL. */
export function productsHref(filters: Partial<ProductListFilters>): string {
  const sort = filters.sort ?? "name";
  const query = new URLSearchParams();
  if (filters.q) query.set("q", filters.q);
  if (filters.status) query.set("status", filters.status);
  if (filters.currency) query.set("currency", filters.currency);
  if (sort !== "name") query.set("sort", sort);
  if (filters.dir && filters.dir !== defaultDir(sort)) query.set("dir", filters.dir);
  if (filters.page && filters.page > 1) query.set("page", String(filters.page));
  const text = query.toString();
  return text ? `/products?${text}` : "/products";
}

/** True when a search or filter narrows the list (as opposed to sort or paging). */
export function hasProductFilters(filters: ProductListFilters): boolean {
  return Boolean(filters.q || filters.status || filters.currency);
}

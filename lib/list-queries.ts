/** Helpers every searchable, paginated list shares (customers, products, invoices, admin lists). */

/** `text` with LIKE's wildcards (%, _) and its escape (\) taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** `text` for LIKE/ILIKE: contains, with the user's %, _ and \ taken literally. */
export function likeContains(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** `text` for LIKE/ILIKE: starts with, with the user's %, _ and \ taken literally. */
export function likePrefix(text: string): string {
  return `${escapeLike(text)}%`;
}

/**
 * Runs a list's count query (`select({ n: count() })`) and picks the page to show: the one asked
 * for, or the last when it asks past the end; `offset` is for the rows query.
 */
export async function pageOf(countQuery: PromiseLike<{ n: number }[]>, requested: number, pageSize: number) {
  const [counted] = await countQuery;
  const total = counted?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requested, pageCount);
  return { total, page, pageCount, offset: (page - 1) * pageSize };
}

import { z } from "zod";

// Reading list pages' search params (?q=…&status=a,b&page=2). Hand-edited URLs are normal, so a
// bad value falls back to its default instead of failing the page. No server imports: the
// client-side filter bars use the same parsing.

export type SortDir = "asc" | "desc";

/**
 * The first value of a repeated key, trimmed; blank or anything else → undefined. So is a value
 * holding U+0000 (?q=%00): PostgreSQL text cannot carry it and would fail the whole query.
 */
export function firstParam(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string" || first.includes("\u0000")) return undefined;
  const trimmed = first.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** An optional single value; anything `schema` refuses is treated as absent. */
export const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(firstParam, schema.optional()).catch(undefined);

/** "a", ["a","b"] or "a,b" → the known values, once each, in the order of `values`. */
export function enumListParam<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    (value) => {
      const items = (Array.isArray(value) ? value : [value]).flatMap((item) => (typeof item === "string" ? item.split(",") : []));
      const wanted = new Set(items.map((item) => item.trim().toLowerCase()));
      return values.filter((known) => wanted.has(known));
    },
    z.array(z.enum(values)),
  );
}

/** What a Next page receives as searchParams, after awaiting. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** One string per key (the first of repeats), for parsing with a zod schema. */
export function flattenSearchParams(params: RawSearchParams): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") flat[key] = first;
  }
  return flat;
}

/** `path` with the current filters plus `changes`; empty or undefined values are dropped. */
export function hrefWith(path: string, current: Record<string, string | number | undefined>, changes: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

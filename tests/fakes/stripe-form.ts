// Stripe's v1 API takes form bodies with bracket keys: line_items[0][price_data][unit_amount]=500,
// metadata[invoice_id]=…, expand[]=… or expand[0]=…. This turns them back into nested values and
// reads typed fields out of them, reporting a bad one the way Stripe does (parameter_invalid_*).

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export class ParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
    readonly code: "parameter_missing" | "parameter_invalid_integer" | "parameter_invalid_empty" | "parameter_unknown" | "parameter_invalid_string",
  ) {
    super(message);
  }
}

export function parseForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(text)) assign(root, splitKey(key), value);
  return normaliseArrays(root) as FormObject;
}

function splitKey(key: string): string[] {
  const first = key.indexOf("[");
  if (first < 0) return [key];
  const parts = [key.slice(0, first)];
  for (const match of key.slice(first).matchAll(/\[([^\]]*)\]/g)) parts.push(match[1] ?? "");
  return parts;
}

function assign(target: FormObject, path: string[], value: string): void {
  let node = target;
  path.forEach((rawPart, i) => {
    // "expand[]": the next free index
    const part = rawPart === "" ? String(Object.keys(node).length) : rawPart;
    if (i === path.length - 1) {
      node[part] = value;
      return;
    }
    const next = node[part];
    if (next === undefined || typeof next === "string" || Array.isArray(next)) {
      const fresh: FormObject = {};
      node[part] = fresh;
      node = fresh;
    } else {
      node = next;
    }
  });
}

// objects whose keys are all 0..n-1 become arrays
function normaliseArrays(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((key) => [key, normaliseArrays(value[key] ?? "")] as const);
  const isList = keys.length > 0 && keys.every((key) => /^\d+$/.test(key)) && keys.map(Number).sort((a, b) => a - b).every((n, i) => n === i);
  if (isList) return [...entries].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, v]) => v);
  return Object.fromEntries(entries);
}

/** The value at a dotted path such as "line_items.0.price_data.unit_amount". */
export function at(params: FormObject, path: string): FormValue | undefined {
  let node: FormValue | undefined = params;
  for (const part of path.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = Array.isArray(node) ? node[Number(part)] : node[part];
  }
  return node;
}

function paramName(path: string): string {
  const [head, ...rest] = path.split(".");
  return head + rest.map((part) => `[${part}]`).join("");
}

export function optionalString(params: FormObject, path: string): string | null {
  const value = at(params, path);
  if (value === undefined || value === "") return null;
  if (typeof value !== "string") throw new ParamError(paramName(path), `Invalid string: ${paramName(path)}`, "parameter_invalid_string");
  return value;
}

export function requiredString(params: FormObject, path: string): string {
  const value = optionalString(params, path);
  if (value === null) throw new ParamError(paramName(path), `Missing required param: ${paramName(path)}.`, "parameter_missing");
  return value;
}

export function optionalInteger(params: FormObject, path: string): number | null {
  const value = optionalString(params, path);
  if (value === null) return null;
  if (!/^-?\d+$/.test(value)) throw new ParamError(paramName(path), `Invalid integer: ${value}`, "parameter_invalid_integer");
  return Number(value);
}

export function requiredInteger(params: FormObject, path: string): number {
  const value = optionalInteger(params, path);
  if (value === null) throw new ParamError(paramName(path), `Missing required param: ${paramName(path)}.`, "parameter_missing");
  return value;
}

export function optionalBoolean(params: FormObject, path: string): boolean {
  return optionalString(params, path) === "true";
}

/** metadata[...]: string values only, as in Stripe */
export function metadataAt(params: FormObject, path: string): Record<string, string> {
  const value = at(params, path);
  if (value === undefined || value === "") return {};
  if (typeof value === "string" || Array.isArray(value)) throw new ParamError(paramName(path), `Invalid object: ${paramName(path)}`, "parameter_invalid_string");
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === "string") result[key] = entry;
  }
  return result;
}

export function listAt(params: FormObject, path: string): FormValue[] {
  const value = at(params, path);
  if (value === undefined || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

/** expand[] as a list of dotted paths */
export function expandList(params: FormObject): string[] {
  return listAt(params, "expand").filter((value): value is string => typeof value === "string");
}

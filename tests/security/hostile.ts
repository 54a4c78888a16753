import fc from "fast-check";

// Random and hostile values for the fuzzers: injection strings, odd numbers written as text,
// broken ids and dates, unicode, huge strings, prototype-pollution keys, and real ids of the
// seeded records (the caller's pool), mixed into a plausible input or sent on their own.

const NASTY_STRINGS = [
  "' OR '1'='1",
  "'; drop table invoices; --",
  '" or 1=1 --',
  "1; select pg_sleep(5)",
  "%' and 1=1 --",
  "$1",
  "\\",
  "a\u0000b",
  "\u0000",
  "\u202eevil\u202c",
  "😀".repeat(40),
  "Ω≈ç√∫˜µ",
  "<script>alert(1)</script>",
  "{{7*7}}",
  "${jndi:ldap://x}",
  "../../../etc/passwd",
  "%00",
  "%2e%2e%2f",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e309",
  "-1",
  "0",
  "-99999999999999999999",
  "9".repeat(400),
  "0x1F",
  "1_000",
  "١٢٣",
  "1,000.005",
  "  42  ",
  "",
  " ",
  "\n\t",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "2026-13-01",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5bX",
  "4F1C2B3A-5D6E-4F70-8A9B-0C1D2E3F4A5B",
  "not-a-uuid",
  "a@b",
  "x@y.z".repeat(60),
  "A".repeat(70_000),
];

export const POLLUTING_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "isAdmin", "role", "userId", "$ACTION_ID_1"];

/** Strings a form field might receive from someone hostile, plus real ids and tokens from `pool`. */
export function hostileString(pool: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: pool.length ? 3 : 0, arbitrary: fc.constantFrom(...(pool.length ? pool : [""])) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
  );
}

/** An own property even for "__proto__" (as JSON.parse makes it), never a prototype change. */
function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

export function hostileKey(): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 12 }));
}

/** Any value a client could serialise to a server action, nested a little. */
export function hostileValue(pool: readonly string[]): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    { weight: 5, arbitrary: hostileString(pool) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.bigInt() },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN, Number.MAX_SAFE_INTEGER + 2, -0) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
    { weight: 1, arbitrary: hostileFile() },
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.array(fc.tuple(hostileKey(), tie("value")), { maxLength: 4 }).map(objectOf),
      // a fresh object per run: mutations may add into it
      fc.constant(null).map(() => JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}') as unknown),
    ),
  }));
  return value;
}

/** Uploads: empty, random bytes, a PNG header over garbage, an SVG with a script, a big file. */
export function hostileFile(): fc.Arbitrary<File> {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
  return fc.oneof(
    fc.constant(new File([], "empty.png", { type: "image/png" })),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => new File([bytes], "random.bin", { type: "image/png" })),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => new File([new Uint8Array([...png, ...bytes])], "broken.png", { type: "image/png" })),
    fc.constant(new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], "x.svg", { type: "image/svg+xml" })),
    fc.constant(new File([new Uint8Array(1_100_000)], "huge.png", { type: "image/png" })),
  );
}

/** JSON for anything (bigints as text), as a form field or for searching a request's text. */
export function stringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? inner.toString() : inner)) ?? String(value);
}

/** Text for a form field; never calls a value's own (possibly hostile) toString. */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") return String(value);
  return stringify(value);
}

type Path = (string | number)[];
type Mutation = { kind: "set" | "delete" | "add"; at: number; key: string; value: unknown };

const isPlain = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A deep copy of plain objects and arrays; files, dates and the like are shared. */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isPlain(value)) return objectOf(Object.entries(value).map(([key, inner]) => [key, clone(inner)]));
  return value;
}

function paths(value: unknown, at: Path = [], out: { leaves: Path[]; containers: Path[] } = { leaves: [], containers: [] }) {
  if (Array.isArray(value) || isPlain(value)) {
    out.containers.push(at);
    for (const [key, inner] of Object.entries(value)) paths(inner, [...at, Array.isArray(value) ? Number(key) : key], out);
  } else out.leaves.push(at);
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (Array.isArray(node) || isPlain(node) ? (node as Record<string | number, unknown>)[key] : undefined), root);
}

function apply(seed: unknown, mutations: Mutation[]): unknown {
  let root = clone(seed);
  for (const mutation of mutations) {
    const { leaves, containers } = paths(root);
    const target = mutation.kind === "add" ? containers[mutation.at % Math.max(containers.length, 1)] : leaves[mutation.at % Math.max(leaves.length, 1)];
    if (!target || target.length === 0) {
      root = mutation.kind === "delete" ? undefined : clone(mutation.value);
      continue;
    }
    if (mutation.kind === "add") {
      const container = getAt(root, target);
      if (Array.isArray(container)) container.push(clone(mutation.value));
      else if (isPlain(container)) Object.defineProperty(container, mutation.key, { value: clone(mutation.value), enumerable: true, writable: true, configurable: true });
      continue;
    }
    const parent = getAt(root, target.slice(0, -1));
    const key = target[target.length - 1]!;
    if (Array.isArray(parent) && typeof key === "number") {
      if (mutation.kind === "delete") parent.splice(key, 1);
      else parent[key] = clone(mutation.value);
    } else if (isPlain(parent)) {
      if (mutation.kind === "delete") delete parent[key];
      else parent[key] = clone(mutation.value);
    }
  }
  return root;
}

/** The input as a form would post it: strings and files, arrays as repeated keys, the rest as text. */
export function toFormData(value: unknown): FormData {
  const form = new FormData();
  const put = (key: string, inner: unknown) => {
    if (inner instanceof File) form.append(key, inner);
    else if (Array.isArray(inner)) for (const item of inner) put(key, item);
    else if (isPlain(inner)) form.append(key, stringify(inner));
    else form.append(key, asText(inner));
  };
  if (isPlain(value)) for (const [key, inner] of Object.entries(value)) put(key, inner);
  else put("value", value);
  return form;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The seed with its ids pointed at other real records (another customer's invoice, a user, a token's invoice…). */
function swappedIds(seed: unknown, pool: readonly string[]): fc.Arbitrary<unknown> {
  const ids = pool.filter((value) => UUID.test(value));
  if (ids.length === 0) return fc.constant(null).map(() => clone(seed));
  return fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }).map((picks) => {
    const root = clone(seed);
    const idLeaves = paths(root).leaves.filter((path) => path.length > 0 && typeof getAt(root, path) === "string" && UUID.test(String(getAt(root, path))));
    for (const [leaf, id] of picks) {
      const path = idLeaves[leaf % Math.max(idLeaves.length, 1)];
      const parent = path ? getAt(root, path.slice(0, -1)) : undefined;
      if (path && (Array.isArray(parent) || isPlain(parent))) (parent as Record<string | number, unknown>)[path[path.length - 1]!] = ids[id % ids.length];
    }
    return root;
  });
}

/**
 * The seed with one to three fields changed, removed or added, or with its ids swapped for other
 * real records'; sometimes as form data, sometimes anything at all, sometimes the seed itself.
 */
export function mutatedInput(seed: unknown, pool: readonly string[]): fc.Arbitrary<unknown> {
  const mutation = fc.record({ kind: fc.constantFrom("set", "set", "delete", "add"), at: fc.nat(), key: hostileKey(), value: hostileValue(pool) }) as fc.Arbitrary<Mutation>;
  const mutated = fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => apply(seed, mutations));
  return fc.oneof(
    { weight: 5, arbitrary: mutated },
    { weight: 3, arbitrary: swappedIds(seed, pool) },
    { weight: 1, arbitrary: mutated.map(toFormData) },
    { weight: 1, arbitrary: hostileValue(pool) },
    { weight: 1, arbitrary: fc.constant(null).map(() => clone(seed)) },
  );
}

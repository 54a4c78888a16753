import fc from "fast-check";
import type { RouteCall } from "./calls";
import { asText, hostileKey, hostileString, hostileValue, mutatedInput, stringify, toFormData } from "./hostile";
import { bodyOf, type RouteSample } from "./route-samples";
import { fillRoute, type RouteTarget } from "./targets";

// Hostile HTTP requests for one route handler, built around its plausible sample: garbage path
// params and query strings, malformed or mistyped bodies, wrong content types, forged headers.

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-16",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=nothing-matches",
  "text/plain",
  "application/xml",
  "image/png",
  ";;;",
];

const MALFORMED_BODIES = ['{"token":', "{", "[", "null", "[]", '"text"', "0", "true", '{"__proto__":{"isAdmin":true}}', "[".repeat(5_000), "\u0000\u0001\u0002", "a=%zz&&b"];

const RAW_QUERIES = ["%", "%zz", "&&&==", "a=%E0%A4%A", "=", "ids=,,,,", "format=pdf&format=csv", "page=-1&pageSize=1e9", "q=%00", "__proto__[isAdmin]=1", "constructor[prototype][isAdmin]=1"];

const FORGED_HEADERS: Record<string, string>[] = [
  {},
  { "x-forwarded-for": "127.0.0.1, 10.0.0.1" },
  { cookie: "authjs.session-token=forged; __Secure-authjs.session-token=forged" },
  { "stripe-signature": "t=1,v1=deadbeef" },
  { "svix-id": "msg_x", "svix-timestamp": "1", "svix-signature": "v1,AAAA" },
  {
    "paypal-auth-algo": "SHA256withRSA",
    "paypal-cert-url": "https://evil.example/cert",
    "paypal-transmission-id": "x",
    "paypal-transmission-sig": "x",
    "paypal-transmission-time": "x",
  },
];

/** Header values must be byte strings: keep printable ASCII, as a real HTTP request would carry. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, "").slice(0, 2000);

function paramArbitrary(sampleValue: string | string[] | undefined, pool: readonly string[]): fc.Arbitrary<string | string[]> {
  const one = hostileString(pool);
  if (Array.isArray(sampleValue)) return fc.oneof(fc.constant(sampleValue), fc.array(one, { minLength: 1, maxLength: 3 }));
  return fc.oneof(fc.constant(sampleValue ?? "x"), one);
}

function queryArbitrary(sample: string | undefined, pool: readonly string[]): fc.Arbitrary<string | undefined> {
  const sampleKeys = [...new URLSearchParams(sample ?? "").keys()];
  const key = fc.oneof(...(sampleKeys.length ? [fc.constantFrom(...sampleKeys)] : []), hostileKey(), fc.constantFrom("ids", "token", "inline", "format", "customerId", "from", "to", "page", "sort", "status"));
  const pairs = fc.array(fc.tuple(key, hostileString(pool)), { maxLength: 5 }).map((entries) => new URLSearchParams(entries).toString());
  // invoice link tokens the audience holds, where a route reads one from the query
  const tokens = pool.filter((value) => /^[A-Za-z0-9_-]{54}$/.test(value));
  const withToken = fc.constantFrom(...(tokens.length ? tokens : ["none"])).map((token) => [sample, `token=${token}`].filter(Boolean).join("&"));
  return fc.oneof(fc.constant(sample), pairs, fc.constantFrom(...RAW_QUERIES), pairs.map((extra) => [sample, extra].filter(Boolean).join("&")), withToken);
}

function bodyArbitrary(sample: unknown, pool: readonly string[]): fc.Arbitrary<BodyInit | undefined> {
  const seed = sample instanceof FormData ? Object.fromEntries(sample) : sample;
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(bodyOf(sample)) },
    { weight: 4, arbitrary: mutatedInput(seed ?? {}, pool).map((value) => (value instanceof FormData ? value : stringify(value))) },
    { weight: 1, arbitrary: mutatedInput(seed ?? {}, pool).map(toFormData) },
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_BODIES) },
    { weight: 1, arbitrary: hostileValue(pool).map((value) => new URLSearchParams({ value: asText(value) }).toString()) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A request to `route` as `pool` allows (ids and tokens the audience could know). */
export function hostileRequest(route: RouteTarget, sample: RouteSample, pool: readonly string[]): fc.Arbitrary<RouteCall> {
  const paramNames = [...route.path.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((match) => match[1]!);
  const params = fc.record(Object.fromEntries(paramNames.map((name) => [name, paramArbitrary(sample.params?.[name], pool)])));
  const hasBody = route.method !== "GET" && route.method !== "HEAD";
  const contentType = fc.oneof(fc.constant(sample.headers?.["content-type"]), fc.constantFrom(...CONTENT_TYPES), fc.constant(undefined));
  return fc
    .record({
      params,
      query: queryArbitrary(sample.query, pool),
      body: hasBody ? bodyArbitrary(sample.body, pool) : fc.constant(undefined),
      keepHeaders: fc.boolean(),
      contentType,
      forged: fc.constantFrom(...FORGED_HEADERS),
      forwardedFor: fc.option(hostileString([]), { nil: undefined }),
    })
    .map(({ params: values, query, body, keepHeaders, contentType: type, forged, forwardedFor }) => {
      const { path, params: filled } = fillRoute(route.path, values);
      const headers: Record<string, string> = { ...(keepHeaders ? sample.headers : {}), ...forged };
      // a FormData body brings its own multipart type and boundary unless one is forced
      if (type !== undefined && !(body instanceof FormData && type === sample.headers?.["content-type"])) headers["content-type"] = type;
      else if (!keepHeaders) delete headers["content-type"];
      if (forwardedFor !== undefined) headers["x-forwarded-for"] = forwardedFor;
      for (const [name, value] of Object.entries(headers)) headers[name] = headerSafe(value);
      return { path, params: filled, query, headers, body };
    });
}

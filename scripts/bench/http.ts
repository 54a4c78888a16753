// `npm run bench -- http`: the invoice and customer list pages under `next start`, against the JSON
// route handlers that run the same list function for the same query (app/api/invoices,
// app/api/customers), signed in for real as the demo finance user; plus the first-load JS of the
// public invoice page. BENCH_HTTP_PORT (3400), BENCH_HTTP_SECONDS (10), BENCH_HTTP_WARMUP (3),
// BENCH_SKIP_BUILD=1 to reuse an existing .next build.
import { DEMO_USERS, seedIfEmpty } from "@/db/seed";
import { seedLargeInvoices, type LargeSeedResult } from "../large-invoices";
import { varyCustomerStatuses } from "./customer-statuses";
import { createBenchDatabase } from "./database";
import { firstLoadJs, type FirstLoadJs } from "./http-bundle";
import { measureLoad, type LoadMeasure, type LoadOptions } from "./http-load";
import { appEnv, buildApp, DIST_DIR, startApp, type AppServer } from "./http-server";
import { signInOverHttp } from "./http-session";
import { INVOICE_BOOK } from "./invoice-list";
import { round } from "./stats";
import { table } from "./table";

export const HTTP_CONNECTIONS = 10;
/** The customer list's book: the invoice book's 2,000 customers topped up with customers who have no invoices yet. */
export const HTTP_CUSTOMERS = 10_000;
const PUBLIC_INVOICE_ROUTE = "/i/[token]";

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Each pair: the page and the route with the same query. */
const PAIRS: { label: string; page: string; route: string; query: string }[] = [
  { label: "invoices, default page", page: "/invoices", route: "/api/invoices", query: "" },
  { label: "invoices, search + overdue + by amount due", page: "/invoices", route: "/api/invoices", query: "q=logistics&status=overdue&sort=amountDue" },
  { label: "customers, default page", page: "/customers", route: "/api/customers", query: "" },
  { label: "customers, search + active + newest", page: "/customers", route: "/api/customers", query: "q=logistics&status=active&sort=created" },
];

export interface HttpPair {
  label: string;
  query: string;
  /** rows the query matches (the route's `total`) */
  matching: number;
  page: LoadMeasure;
  route: LoadMeasure;
  /** page req/s ÷ route req/s: the share of the bare handler's throughput the page keeps */
  throughputRatio: number;
  /** page p50 ÷ route p50: how many times longer a page load takes */
  p50Ratio: number;
}

export interface HttpBench {
  seed: LargeSeedResult & { seedSeconds: number };
  build: { skipped: boolean; seconds: number };
  connections: number;
  seconds: number;
  warmUpSeconds: number;
  pairs: HttpPair[];
  publicInvoiceFirstLoadJs: FirstLoadJs;
}

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

/** The route's `total` for the query: also proves the route answers JSON to this session before the load starts. */
async function matching(baseUrl: string, path: string, cookie: string): Promise<number> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  const body: unknown = await response.json();
  const total = typeof body === "object" && body !== null && "total" in body ? body.total : undefined;
  if (response.status !== 200 || typeof total !== "number") throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
  return total;
}

async function measurePairs(server: AppServer, cookie: string, options: LoadOptions): Promise<HttpPair[]> {
  const pairs: HttpPair[] = [];
  for (const pair of PAIRS) {
    const routePath = withQuery(pair.route, pair.query);
    const total = await matching(server.baseUrl, routePath, cookie);
    console.log(`Loading ${pair.label} (${total.toLocaleString("en-US")} matching): page, then route…`);
    const page = await measureLoad(server.baseUrl, withQuery(pair.page, pair.query), options);
    const route = await measureLoad(server.baseUrl, routePath, options);
    pairs.push({
      label: pair.label,
      query: pair.query || "(defaults)",
      matching: total,
      page,
      route,
      throughputRatio: round(page.requestsPerSecond / route.requestsPerSecond),
      p50Ratio: round(page.p50Ms / route.p50Ms),
    });
  }
  return pairs;
}

/**
 * A fresh local database with the 100,000-invoice book and 10,000 customers, a production build
 * started on it, the four pairs loaded, then the server stopped and the database dropped (also on
 * an error or Ctrl-C).
 */
export async function benchHttp(serverUrl: string): Promise<HttpBench> {
  const options = { connections: HTTP_CONNECTIONS, seconds: numberFromEnv("BENCH_HTTP_SECONDS", 10), warmUpSeconds: numberFromEnv("BENCH_HTTP_WARMUP", 3) };
  const bench = await createBenchDatabase(serverUrl);
  let server: AppServer | null = null;
  const cleanUp = async () => {
    await server?.stop();
    server = null;
    await bench.drop();
  };
  const onSignal = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const env = appEnv(bench.url);
    const build = await buildApp(env);
    const publicInvoiceFirstLoadJs = firstLoadJs(DIST_DIR, PUBLIC_INVOICE_ROUTE, build.output);

    const seedStarted = performance.now();
    await seedIfEmpty(bench.db, () => {});
    console.log(`Seeding ${INVOICE_BOOK.invoices.toLocaleString("en-US")} invoices across ${INVOICE_BOOK.customers.toLocaleString("en-US")} customers, then ${HTTP_CUSTOMERS.toLocaleString("en-US")} customers in all…`);
    const invoiceBook = await seedLargeInvoices(bench.db, INVOICE_BOOK);
    // the same target of invoices adds none: this only tops the customers up
    const book = await seedLargeInvoices(bench.db, { invoices: INVOICE_BOOK.invoices, customers: HTTP_CUSTOMERS });
    await varyCustomerStatuses(bench.db);
    const seed = { ...invoiceBook, customers: book.customers, seedSeconds: round((performance.now() - seedStarted) / 1000, 1) };

    const port = numberFromEnv("BENCH_HTTP_PORT", 3400);
    console.log(`next start on port ${port}…`);
    server = await startApp(env, port);
    const finance = DEMO_USERS.find((user) => user.role === "finance");
    if (!finance) throw new Error("db/seed.ts has no demo finance user.");
    const cookie = await signInOverHttp(server.baseUrl, finance.email, finance.password, "/invoices");
    const pairs = await measurePairs(server, cookie, { ...options, cookie });
    return { seed, build: { skipped: build.skipped, seconds: build.seconds }, ...options, pairs, publicInvoiceFirstLoadJs };
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanUp();
  }
}

export function printHttp(result: HttpBench) {
  const { seed, pairs, publicInvoiceFirstLoadJs: js } = result;
  console.log(
    `\nList pages vs the JSON route with the same query (next start, ${result.connections} connections, ${result.seconds} s after ${result.warmUpSeconds} s warm-up; ` +
      `${seed.invoices.toLocaleString("en-US")} invoices, ${seed.customers.toLocaleString("en-US")} customers)`,
  );
  console.log(
    table(
      ["case", "matching", "p50 ms page", "p50 ms route", "p95 ms page", "p95 ms route", "req/s page", "req/s route", "req/s page÷route", "p50 page÷route"],
      pairs.map((p) => [p.label, p.matching, p.page.p50Ms, p.route.p50Ms, p.page.p95Ms, p.route.p95Ms, p.page.requestsPerSecond, p.route.requestsPerSecond, p.throughputRatio, p.p50Ratio]),
    ),
  );
  const printed = js.nextPrinted ? `next build printed ${js.nextPrinted}` : "no next build output kept to compare";
  console.log(`First-load JS of ${js.route}: ${js.kilobytes} kB gzipped in ${js.files.length} scripts (${printed}).`);
}

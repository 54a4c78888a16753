import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// The HTTP plumbing both gateway fakes share: routing, a log of calls, idempotent replay and
// scripted faults. Route handlers only turn a request into a response; everything here is the same
// for Stripe and PayPal except the header names and error bodies each passes in.

export interface CallRecord {
  method: string;
  path: string;
  idempotencyKey?: string;
  /** 0 while unanswered (a stalled call stays 0) */
  status: number;
}

/**
 * error-before: answers 500 without doing anything. error-after: does the work (a retry with the same
 * key replays it), then answers 500. stall: does the work and never answers (the client times out).
 * stall-before: never answers and does nothing.
 */
export type FailMode = "error-before" | "error-after" | "stall" | "stall-before";

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  params: Record<string, string>;
  header(name: string): string | undefined;
}

export interface FakeResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface Route {
  method: "GET" | "POST";
  /** e.g. /v1/checkout/sessions/:id */
  pattern: string;
  /** API routes are authenticated, logged, idempotent and can be told to fail; pages are not */
  api: boolean;
  handle(req: FakeRequest): FakeResponse | Promise<FakeResponse>;
}

export interface GatewayServerOptions {
  routes: Route[];
  port?: number;
  idempotencyHeader: string;
  /** Stripe keys are account-wide (reuse on another path is an error); PayPal's are per call */
  keysPerPath: boolean;
  replayHeaders: Record<string, string>;
  authorize(req: FakeRequest): FakeResponse | undefined;
  notFound(req: FakeRequest): FakeResponse;
  serverError(): FakeResponse;
  /** same key, other path or other parameters */
  keyMisuse?(req: FakeRequest): FakeResponse;
}

interface StoredResponse {
  path: string;
  body: string;
  response: FakeResponse;
}

interface FailRule {
  target: string;
  mode: FailMode;
  times: number;
}

export interface GatewayServer {
  port: number;
  baseUrl: string;
  calls: CallRecord[];
  failNext(target: string, mode: FailMode, times?: number): void;
  /** runs work after the current answer is sent (webhook deliveries), tracked by flush() */
  later(work: () => Promise<unknown>): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, body: JSON.stringify(value, null, 2), headers: { "content-type": "application/json", ...headers } };
}

export function html(status: number, body: string): FakeResponse {
  return { status, body, headers: { "content-type": "text/html; charset=utf-8" } };
}

export function redirect(location: string): FakeResponse {
  return { status: 303, body: "", headers: { location } };
}

export async function startGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const calls: CallRecord[] = [];
  const stored = new Map<string, StoredResponse>();
  const rules: FailRule[] = [];
  const pending = new Set<Promise<unknown>>();

  const takeRule = (method: string, path: string, pattern: string): FailMode | undefined => {
    const index = rules.findIndex((rule) => rule.target === `${method} ${path}` || rule.target === `${method} ${pattern}`);
    const rule = rules[index];
    if (!rule) return undefined;
    rule.times -= 1;
    if (rule.times <= 0) rules.splice(index, 1);
    return rule.mode;
  };

  const answer = async (req: FakeRequest, route: Route): Promise<FakeResponse | "hold"> => {
    const denied = options.authorize(req);
    if (denied) return denied;
    const key = req.method === "POST" ? req.header(options.idempotencyHeader) : undefined;
    const storeKey = key === undefined ? undefined : options.keysPerPath ? `${req.path} ${key}` : key;
    const previous = storeKey === undefined ? undefined : stored.get(storeKey);
    if (previous) {
      if (options.keyMisuse && (previous.path !== req.path || previous.body !== req.body)) return options.keyMisuse(req);
      return { ...previous.response, headers: { ...previous.response.headers, ...options.replayHeaders } };
    }
    const mode = takeRule(req.method, req.path, route.pattern);
    if (mode === "error-before") return options.serverError();
    if (mode === "stall-before") return "hold";
    const response = await route.handle(req);
    // a 5xx is not a result: the client may try again and get the work done then
    if (storeKey !== undefined && response.status < 500) stored.set(storeKey, { path: req.path, body: req.body, response });
    if (mode === "error-after") return options.serverError();
    if (mode === "stall") return "hold";
    return response;
  };

  const server = createServer((incoming, outgoing) => {
    void serve(incoming, outgoing).catch((error: unknown) => {
      console.error("fake gateway failed", error);
      if (!outgoing.headersSent) send(outgoing, options.serverError());
    });
  });

  async function serve(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? "/", "http://fake.invalid");
    const method = (incoming.method ?? "GET").toUpperCase();
    const body = await readBody(incoming);
    const header = (name: string) => {
      const value = incoming.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    };
    const base = { method, path: url.pathname, query: url.searchParams, headers: incoming.headers, body, header };
    const match = findRoute(options.routes, method, url.pathname);
    if (!match) return send(outgoing, options.notFound({ ...base, params: {} }));
    const req: FakeRequest = { ...base, params: match.params };
    if (!match.route.api) return send(outgoing, await match.route.handle(req));
    const key = method === "POST" ? header(options.idempotencyHeader) : undefined;
    const call: CallRecord = { method, path: url.pathname, ...(key ? { idempotencyKey: key } : {}), status: 0 };
    calls.push(call);
    const response = await answer(req, match.route);
    if (response === "hold") return;
    call.status = response.status;
    send(outgoing, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    failNext(target, mode, times = 1) {
      rules.push({ target, mode, times });
    },
    later(work) {
      const task = new Promise<void>((resolve) => setImmediate(resolve)).then(work);
      pending.add(task);
      void task.catch((error: unknown) => console.error("fake gateway background work failed", error)).finally(() => pending.delete(task));
    },
    async flush() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function findRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split("/");
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split("/");
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((segment, i) => {
      const actual = parts[i] ?? "";
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = decodeURIComponent(actual);
        return actual !== "";
      }
      return segment === actual;
    });
    if (fits) return { route, params };
  }
  return undefined;
}

function send(outgoing: ServerResponse, response: FakeResponse): void {
  outgoing.writeHead(response.status, response.headers ?? {});
  outgoing.end(response.body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

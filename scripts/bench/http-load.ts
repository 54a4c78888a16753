// One path under load with autocannon: a warm-up run that is thrown away, then the timed run, with
// every response's latency kept so p50 and p95 are exact (autocannon's own summary has no p95).
import autocannon from "autocannon";
import { percentile, round } from "./stats";

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmUpSeconds: number;
  /** sent with every request (the session) */
  cookie: string;
}

export interface LoadMeasure {
  path: string;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** mean size of a response as received, headers included */
  kilobytes: number;
}

interface Run {
  result: autocannon.Result;
  latencies: number[];
  bytes: number;
}

function run(url: string, seconds: number, options: LoadOptions): Promise<Run> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let bytes = 0;
    const instance = autocannon(
      { url, connections: options.connections, duration: seconds, headers: { cookie: options.cookie, accept: "text/html,application/json" } },
      (error: unknown, result: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve({ result, latencies, bytes })),
    );
    instance.on("response", (_client, _status, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
}

/** Every request must have been answered 2xx: a redirect means the session was not accepted, a 500 a broken page. */
function assertAllOk(path: string, { result }: Run) {
  if (result.non2xx === 0 && result.errors === 0) return;
  const codes = Object.entries(result.statusCodeStats ?? {})
    .map(([code, stat]) => `${code}×${stat.count ?? 0}`)
    .join(", ");
  throw new Error(`${path}: ${result.non2xx} non-2xx responses (${codes}) and ${result.errors} connection errors (${result.timeouts} timeouts) under load.`);
}

/** `path` at `options.connections` concurrent connections for `options.seconds`, after the warm-up. */
export async function measureLoad(baseUrl: string, path: string, options: LoadOptions): Promise<LoadMeasure> {
  const url = `${baseUrl}${path}`;
  if (options.warmUpSeconds > 0) assertAllOk(path, await run(url, options.warmUpSeconds, options));
  const timed = await run(url, options.seconds, options);
  assertAllOk(path, timed);
  const { latencies } = timed;
  if (latencies.length === 0) throw new Error(`${path}: no responses in ${options.seconds} s.`);
  return {
    path,
    requests: latencies.length,
    seconds: timed.result.duration,
    requestsPerSecond: round(latencies.length / timed.result.duration, 1),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    maxMs: round(latencies.reduce((max, ms) => Math.max(max, ms), 0)),
    kilobytes: round(timed.bytes / latencies.length / 1000, 1),
  };
}

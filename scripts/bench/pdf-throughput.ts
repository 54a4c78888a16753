import { Worker } from "node:worker_threads";
import type { InvoicePdfData } from "@/lib/pdf/types";
import type { PdfWorkerDone, PdfWorkerGo, PdfWorkerInput, PdfWorkerReady } from "./pdf-worker";
import { round } from "./stats";

export interface PdfThroughput {
  threads: number;
  seconds: number;
  renders: number;
  invoicesPerSecond: number;
}

// Workers must run TypeScript, and under Node 20 tsx's loader does not reach them: they inherit the
// --import flag, but the worker's entry module is loaded without the hooks (ERR_UNKNOWN_FILE_EXTENSION,
// tsx issue #354). So each worker starts from a line of JavaScript that registers tsx itself, then
// imports pdf-worker.ts; the "@/" paths and react-jsx come from --tsconfig, which tsx passes on
// through the environment. The invoice is passed by structured clone rather than loaded again in each
// worker: InvoicePdfData is plain data (strings, bigint, Date, the logo's Uint8Array), and the threads
// then time rendering only, with no database connection each. Every worker's first render must have
// the main thread's size, which shows the clone printed the same document.
const WORKER_BOOT = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(new URL("./pdf-worker.ts", import.meta.url).href)}); })`;

type Started = { worker: Worker; ready: Promise<PdfWorkerReady>; done: Promise<PdfWorkerDone> };

function start(input: PdfWorkerInput): Started {
  const worker = new Worker(WORKER_BOOT, { eval: true, workerData: input });
  const failed = new Promise<never>((_, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`a PDF bench worker exited (code ${code}) before reporting`)));
  });
  const next = <T>(kind: string) =>
    Promise.race([
      new Promise<T>((resolve) => {
        const listen = (message: { kind: string }) => {
          if (message.kind !== kind) return;
          worker.off("message", listen);
          resolve(message as T);
        };
        worker.on("message", listen);
      }),
      failed,
    ]);
  const ready = next<PdfWorkerReady>("ready");
  const done = next<PdfWorkerDone>("done");
  // a failure is thrown where ready or done is awaited; these keep the one not awaited yet from
  // ending the process as an unhandled rejection before the database is dropped
  for (const settled of [failed, ready, done]) settled.catch(() => {});
  return { worker, ready, done };
}

/**
 * Invoices per second over `threads` worker threads all rendering at once for `seconds` (after
 * `warmUps` renders each): the sum of each thread's renders over its own time.
 */
export async function measureThroughput(data: InvoicePdfData, expectedBytes: number, threads: number, seconds: number, warmUps: number): Promise<PdfThroughput> {
  const started = Array.from({ length: threads }, () => start({ data, warmUps }));
  try {
    const ready = await Promise.all(started.map((s) => s.ready));
    const wrong = ready.find((r) => r.bytes !== expectedBytes);
    if (wrong) throw new Error(`a worker's PDF has ${wrong.bytes} bytes, the main thread's ${expectedBytes}: the cloned data differs`);
    for (const { worker } of started) worker.postMessage({ seconds } satisfies PdfWorkerGo);
    const done = await Promise.all(started.map((s) => s.done));
    return {
      threads,
      seconds: round(Math.max(...done.map((d) => d.seconds)), 1),
      renders: done.reduce((sum, d) => sum + d.renders, 0),
      invoicesPerSecond: round(done.reduce((sum, d) => sum + d.renders / d.seconds, 0), 1),
    };
  } finally {
    await Promise.all(started.map((s) => s.worker.terminate()));
  }
}

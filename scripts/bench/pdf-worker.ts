// One render thread of the PDF throughput bench (started by pdf-throughput.ts). It gets the invoice
// already loaded, warms up, says "ready" with its first render's size, then renders the same
// invoice again and again for the time the main thread gives it, and reports how many it finished.
import { parentPort, workerData } from "node:worker_threads";
import { renderInvoicePdf } from "@/lib/pdf/render";
import type { InvoicePdfData } from "@/lib/pdf/types";

export type PdfWorkerInput = { data: InvoicePdfData; warmUps: number };
export type PdfWorkerReady = { kind: "ready"; bytes: number };
export type PdfWorkerDone = { kind: "done"; renders: number; seconds: number };
export type PdfWorkerGo = { seconds: number };

async function run(port: NonNullable<typeof parentPort>, input: PdfWorkerInput) {
  let bytes = 0;
  for (let i = 0; i < Math.max(1, input.warmUps); i++) bytes = (await renderInvoicePdf(input.data)).length;
  const go = new Promise<PdfWorkerGo>((resolve) => port.once("message", resolve));
  port.postMessage({ kind: "ready", bytes } satisfies PdfWorkerReady);
  const { seconds } = await go;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let renders = 0;
  // the render under way at the deadline is finished and counted, with its time
  while (performance.now() < deadline) {
    await renderInvoicePdf(input.data);
    renders++;
  }
  port.postMessage({ kind: "done", renders, seconds: (performance.now() - started) / 1000 } satisfies PdfWorkerDone);
}

if (!parentPort) throw new Error("pdf-worker.ts runs as a worker thread (see pdf-throughput.ts)");
void run(parentPort, workerData as PdfWorkerInput);

import { randomBytes } from "node:crypto";
import os from "node:os";
import { eq } from "drizzle-orm";
import { createBenchDatabase } from "./database";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { loadInvoicePdfData } from "@/lib/pdf/load";
import { renderInvoicePdf } from "@/lib/pdf/render";
import type { InvoicePdfData } from "@/lib/pdf/types";
import { benchCustomer, invoiceWithLines } from "./pdf-invoice";
import { measureThroughput, type PdfThroughput } from "./pdf-throughput";
import { percentile, round } from "./stats";
import { table } from "./table";

// The PDF carries the invoice's signed public link (lib/invoices/public-link.ts). Set at import,
// before anything reads the environment, so a bench run without AUTH_SECRET still works.
process.env.AUTH_SECRET ||= randomBytes(32).toString("base64");

export interface PdfMeasure {
  label: string;
  lines: number;
  pages: number;
  kilobytes: number;
  renders: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface PdfBench {
  warmUps: number;
  cases: PdfMeasure[];
  throughput: {
    lines: number;
    /** one worker thread alone, then as many as os.availableParallelism() at once */
    singleThread: PdfThroughput;
    allCores: PdfThroughput;
    /** allCores / singleThread invoices per second */
    scaling: number;
  };
}

export const PDF_WARM_UP = 2;
/** Fewer renders for the long invoice, so the whole PDF bench stays near a minute and a half on 2 cores. */
export const PDF_CASES = [
  { lines: 1, renders: 30 },
  { lines: 50, renders: 30 },
  { lines: 200, renders: 20 },
] as const;
const THROUGHPUT_LINES = 50;
const THROUGHPUT_SECONDS = 15;

/** Each page object is "/Type /Page" (the tree root is "/Type /Pages"). */
function pageCount(bytes: Buffer): number {
  return (bytes.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

/** Times renderInvoicePdf on data loaded once (as the route loads it per request), one render after another. */
async function timeRenders(data: InvoicePdfData, lines: number, renders: number): Promise<{ measure: PdfMeasure; bytes: Buffer }> {
  let bytes = await renderInvoicePdf(data);
  for (let i = 1; i < PDF_WARM_UP; i++) bytes = await renderInvoicePdf(data);
  const times: number[] = [];
  for (let i = 0; i < renders; i++) {
    const started = performance.now();
    bytes = await renderInvoicePdf(data);
    times.push(performance.now() - started);
  }
  const measure = {
    label: `${lines}-line invoice`,
    lines,
    pages: pageCount(bytes),
    kilobytes: round(bytes.length / 1024, 1),
    renders,
    p50Ms: round(percentile(times, 50), 1),
    p95Ms: round(percentile(times, 95), 1),
    maxMs: round(Math.max(...times), 1),
  };
  return { measure, bytes };
}

/**
 * Render times for finalized invoices of 1, 50 and 200 lines, then invoices/s for the 50-line
 * invoice on one worker thread and on as many as there are cores.
 */
export async function measurePdf(db: Db, actor: Actor): Promise<PdfBench> {
  const customerId = await benchCustomer(db, actor);
  const cases: PdfMeasure[] = [];
  let throughputInvoice: { data: InvoicePdfData; bytes: number } | null = null;
  for (const { lines, renders } of PDF_CASES) {
    const data = await loadInvoicePdfData(db, await invoiceWithLines(db, actor, customerId, lines), "http://localhost:3000");
    if (!data) throw new Error(`the PDF bench's ${lines}-line invoice did not load`);
    console.log(`  ${lines}-line invoice: ${PDF_WARM_UP} warm-up + ${renders} renders…`);
    const { measure, bytes } = await timeRenders(data, lines, renders);
    cases.push(measure);
    if (lines === THROUGHPUT_LINES) throughputInvoice = { data, bytes: bytes.length };
  }
  if (!throughputInvoice) throw new Error(`PDF_CASES has no ${THROUGHPUT_LINES}-line case for the throughput run`);
  const threads = os.availableParallelism();
  console.log(`  ${THROUGHPUT_LINES}-line invoices/s: 1 thread, then ${threads}, ${THROUGHPUT_SECONDS} s each after ${PDF_WARM_UP} warm-up renders…`);
  const { data, bytes } = throughputInvoice;
  const singleThread = await measureThroughput(data, bytes, 1, THROUGHPUT_SECONDS, PDF_WARM_UP);
  const allCores = await measureThroughput(data, bytes, threads, THROUGHPUT_SECONDS, PDF_WARM_UP);
  const scaling = round(allCores.invoicesPerSecond / singleThread.invoicesPerSecond, 2);
  return { warmUps: PDF_WARM_UP, cases, throughput: { lines: THROUGHPUT_LINES, singleThread, allCores, scaling } };
}

export function printPdf(pdf: PdfBench) {
  console.log(`\nInvoice PDF (renderInvoicePdf in-process, one after another after ${pdf.warmUps} warm-up)`);
  console.log(table(["case", "renders", "pages", "KB", "p50 ms", "p95 ms", "max ms"], pdf.cases.map((m) => [m.label, m.renders, m.pages, m.kilobytes, m.p50Ms, m.p95Ms, m.maxMs])));
  const { lines, singleThread, allCores, scaling } = pdf.throughput;
  console.log(
    `${lines}-line invoices/s: ${allCores.invoicesPerSecond} on ${allCores.threads} threads (${allCores.renders} in ${allCores.seconds} s), ` +
      `${singleThread.invoicesPerSecond} on 1 thread; scaling ×${scaling}`,
  );
}

/** The PDF bench alone (`npm run bench -- pdf`): a throw-away database with the demo seed. */
export async function benchPdf(serverUrl: string): Promise<PdfBench> {
  const bench = await createBenchDatabase(serverUrl);
  try {
    await seedIfEmpty(bench.db, () => {});
    const [finance] = await bench.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, "finance"));
    console.log("Timing the invoice PDF…");
    return await measurePdf(bench.db, { userId: finance?.id ?? null, label: finance?.email ?? "bench" });
  } finally {
    await bench.drop();
  }
}

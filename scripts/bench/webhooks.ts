import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, gt, inArray, like, sql } from "drizzle-orm";
import Stripe from "stripe";
import type { Db } from "@/db";
import { invoices, payments, webhookEvents } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import type { Actor } from "@/lib/audit";
import { OPEN_STATUSES } from "@/lib/invoices/status";
import { createPendingPayment, setGatewayCheckoutId } from "@/lib/payments/online/pending";
import { handleStripeWebhook } from "@/lib/webhooks/stripe";
import { seedLargeInvoices } from "../large-invoices";
import { createBenchDatabase } from "./database";
import { percentile, round } from "./stats";

// Webhook ingest next to the database's floor: how many Stripe checkout.session.completed events
// per second CleanPay verifies, records and applies (payment settled, invoice paid, receipt queued),
// against how many plain single-row INSERTs the same database takes at the same concurrency.

export const WEBHOOK_EVENTS = 2_000;
export const WEBHOOK_CONCURRENCY = 10;
const SECRET = "whsec_benchbenchbenchbenchbenchbench";

export interface WebhookBench {
  events: number;
  concurrency: number;
  ingest: { seconds: number; eventsPerSecond: number; p50Ms: number; p95Ms: number };
  duplicates: { seconds: number; eventsPerSecond: number; p50Ms: number; p95Ms: number };
  singleRowInsert: { node: { rows: number; seconds: number; rowsPerSecond: number }; pgbench: { tps: number | null; note: string } };
  /** ingest events/s ÷ node single-row inserts/s */
  ratio: number;
}

/** Runs `work(i)` for i in [0, n) on `workers` concurrent lanes; returns wall seconds and per-item ms. */
async function lanes(n: number, workers: number, work: (i: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await work(i);
        times.push(performance.now() - t);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, times };
}

type BenchPayment = { paymentId: string; invoiceId: string; amount: bigint; currency: string; sessionId: string };

/** One pending card payment per open invoice, as the public page's Pay button would leave it. */
async function pendingPayments(db: Db, n: number) {
  const open = await db
    .select({ id: invoices.id, amountDue: invoices.amountDue, currency: invoices.currency })
    .from(invoices)
    .where(and(inArray(invoices.status, [...OPEN_STATUSES]), gt(invoices.amountDue, 0n)))
    .limit(n);
  if (open.length < n) throw new Error(`the webhook bench needs ${n} open invoices, found ${open.length}`);
  const customer: Actor = { userId: null, label: "customer" };
  const rows: BenchPayment[] = [];
  for (const [i, invoice] of open.entries()) {
    const sessionId = `cs_bench_${i}`;
    const payment = await db.transaction(async (tx) => {
      await tx.update(invoices).set({ allowPartialPayment: false }).where(eq(invoices.id, invoice.id));
      const created = await createPendingPayment(tx, { invoiceId: invoice.id, amount: invoice.amountDue, method: "card", origin: "customer", gateway: "stripe" }, customer);
      await setGatewayCheckoutId(tx, created.id, "stripe", sessionId);
      return created;
    });
    rows.push({ paymentId: payment.id, invoiceId: invoice.id, amount: invoice.amountDue, currency: invoice.currency, sessionId });
  }
  return rows;
}

/** The signed delivery Stripe would POST for a paid Checkout Session. */
function signedCompleted(row: BenchPayment, i: number) {
  const body = JSON.stringify({
    id: `evt_bench_${i}`,
    object: "event",
    type: "checkout.session.completed",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: row.sessionId,
        object: "checkout.session",
        mode: "payment",
        payment_status: "paid",
        status: "complete",
        amount_total: Number(row.amount),
        currency: row.currency.toLowerCase(),
        client_reference_id: row.paymentId,
        metadata: { payment_id: row.paymentId, invoice_id: row.invoiceId },
        customer_details: { email: `payer${i}@bench.test` },
      },
    },
  });
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
  return { body, headers: new Headers({ "stripe-signature": header, "content-type": "application/json" }) };
}

function pgbenchTps(databaseUrl: string): { tps: number | null; note: string } {
  const script = path.join(os.tmpdir(), "cleanpay-bench-insert.sql");
  writeFileSync(script, "insert into bench_single_insert (payload) values ('{\"n\":1}');\n");
  try {
    const out = execFileSync("pgbench", ["-n", "-f", script, "-c", String(WEBHOOK_CONCURRENCY), "-j", "2", "-t", "500", databaseUrl], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const tps = /tps = ([\d.]+)/.exec(out)?.[1];
    return { tps: tps ? round(Number(tps), 0) : null, note: `pgbench -c ${WEBHOOK_CONCURRENCY} -t 500, one INSERT per transaction` };
  } catch (error) {
    return { tps: null, note: `pgbench not run: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  }
}

/** A fresh database: invoices, one pending payment each, then the signed events ingested 10 at a time. */
export async function benchWebhooks(serverUrl: string): Promise<WebhookBench> {
  const bench = await createBenchDatabase(serverUrl);
  try {
    await seedIfEmpty(bench.db, () => {});
    console.log(`Preparing ${WEBHOOK_EVENTS.toLocaleString("en-US")} invoices with pending card payments…`);
    await seedLargeInvoices(bench.db, { invoices: WEBHOOK_EVENTS * 14, customers: 400 });
    const rows = await pendingPayments(bench.db, WEBHOOK_EVENTS);
    const deliveries = rows.map(signedCompleted);

    console.log(`Ingesting ${WEBHOOK_EVENTS.toLocaleString("en-US")} signed checkout.session.completed events, ${WEBHOOK_CONCURRENCY} at a time…`);
    const ingest = await lanes(deliveries.length, WEBHOOK_CONCURRENCY, async (i) => {
      const delivery = deliveries[i]!;
      const result = await handleStripeWebhook(bench.db, SECRET, delivery.body, delivery.headers);
      if (result.status !== 200 || result.body.result !== "processed") throw new Error(`event ${i}: ${result.status} ${JSON.stringify(result.body)}`);
    });
    console.log("Delivering every event again (duplicates)…");
    const duplicates = await lanes(deliveries.length, WEBHOOK_CONCURRENCY, async (i) => {
      const delivery = deliveries[i]!;
      const result = await handleStripeWebhook(bench.db, SECRET, delivery.body, delivery.headers);
      if (result.body.result !== "duplicate") throw new Error(`replayed event ${i} was not a duplicate: ${JSON.stringify(result.body)}`);
    });
    const [succeeded] = await bench.db.select({ n: count() }).from(payments).where(and(eq(payments.status, "succeeded"), like(payments.gatewayCheckoutId, "cs_bench_%")));
    const [events] = await bench.db.select({ n: count() }).from(webhookEvents);
    if (succeeded?.n !== WEBHOOK_EVENTS || events?.n !== WEBHOOK_EVENTS) throw new Error(`expected ${WEBHOOK_EVENTS} payments and events, got ${succeeded?.n} and ${events?.n}`);

    console.log("Single-row INSERTs on the same database…");
    await bench.db.execute(sql`create table bench_single_insert (id bigserial primary key, payload jsonb not null, created_at timestamptz not null default now())`);
    const inserts = await lanes(WEBHOOK_EVENTS * 2, WEBHOOK_CONCURRENCY, async () => {
      await bench.db.execute(sql`insert into bench_single_insert (payload) values (${JSON.stringify({ n: 1 })}::jsonb)`);
    });
    const nodeRate = (WEBHOOK_EVENTS * 2) / inserts.seconds;
    const measure = (run: { seconds: number; times: number[] }) => ({
      seconds: round(run.seconds),
      eventsPerSecond: round(WEBHOOK_EVENTS / run.seconds, 0),
      p50Ms: round(percentile(run.times, 50)),
      p95Ms: round(percentile(run.times, 95)),
    });
    const ingestMeasure = measure(ingest);
    return {
      events: WEBHOOK_EVENTS,
      concurrency: WEBHOOK_CONCURRENCY,
      ingest: ingestMeasure,
      duplicates: measure(duplicates),
      singleRowInsert: {
        node: { rows: WEBHOOK_EVENTS * 2, seconds: round(inserts.seconds), rowsPerSecond: round(nodeRate, 0) },
        pgbench: pgbenchTps(bench.url),
      },
      ratio: round(ingestMeasure.eventsPerSecond / nodeRate, 3),
    };
  } finally {
    await bench.drop();
  }
}

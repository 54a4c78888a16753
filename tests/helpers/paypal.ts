import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll } from "vitest";
import type { Db } from "@/db";
import { invoices, paymentMethodConfigs, type Invoice } from "@/db/schema";
import { env } from "@/lib/env";
import { publicTokenFor } from "@/lib/invoices/public-link";
import { startFakePayPal, type FakePayPal } from "@/tests/fakes/paypal";
import { insertCustomers } from "./customers";
import { createTestDatabase } from "./db";
import { insertFinalizedInvoice } from "./invoice-rows";

type RouteHandler = (request: Request) => Promise<Response>;

/**
 * A loopback HTTP server that hands each request to a route handler's POST, as Next would: the
 * fake gateway delivers webhooks to it over real HTTP, with no Next server running.
 */
export async function serveRoute(handler: RouteHandler): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method, headers, body: req.method === "GET" ? undefined : Buffer.concat(chunks) });
      handler(request)
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * One test file's PayPal world: the fake started on loopback, PAYPAL_* pointing at it, a fresh
 * database that getDb() (and so every route handler) hands out, the webhook route served over
 * HTTP for the fake's deliveries, and PayPal enabled as a payment method for every country.
 * Call it in beforeAll before anything reads env(): env() is parsed once per process (file).
 */
export async function startPayPalTestbed(webhookRoute: RouteHandler) {
  const hook = await serveRoute(webhookRoute);
  const fake: FakePayPal = await startFakePayPal({ webhookUrl: `${hook.url}/api/webhooks/paypal` });
  Object.assign(process.env, {
    PAYPAL_CLIENT_ID: fake.clientId,
    PAYPAL_CLIENT_SECRET: fake.clientSecret,
    PAYPAL_WEBHOOK_ID: fake.webhookId,
    PAYPAL_API_URL: fake.apiUrl,
  });
  if (env().PAYPAL_API_URL !== fake.apiUrl) throw new Error("env() was read before the PayPal testbed set PAYPAL_*: start it first in the file.");

  const database = await createTestDatabase();
  (globalThis as { __cleanpayDb?: Promise<typeof database> }).__cleanpayDb = Promise.resolve(database);
  const db: Db = database.db;
  await db.insert(paymentMethodConfigs).values({ method: "paypal", displayName: "PayPal", enabled: true });
  const [customer] = await insertCustomers(db, [{ companyName: "Payer Ltd", email: "payer@customer.test", currency: "USD" }]);
  if (!customer) throw new Error("customer insert returned nothing");

  afterAll(async () => {
    await fake.close();
    await hook.close();
  });

  /** An open invoice of one untaxed line and its public link token. */
  async function openInvoice(total: bigint, options: { currency?: string; allowPartialPayment?: boolean } = {}): Promise<{ invoice: Invoice; token: string }> {
    const { invoice } = await insertFinalizedInvoice(db, { customerId: customer?.id ?? "", currency: options.currency ?? "USD", lines: [{ quantity: 1, unitPrice: total }] });
    if (options.allowPartialPayment) await db.update(invoices).set({ allowPartialPayment: true }).where(eq(invoices.id, invoice.id));
    return { invoice, token: publicTokenFor(invoice) };
  }

  async function reloadInvoice(id: string): Promise<Invoice> {
    const [row] = await db.select().from(invoices).where(eq(invoices.id, id));
    if (!row) throw new Error(`invoice ${id} vanished`);
    return row;
  }

  return { db, fake, customerId: customer.id, openInvoice, reloadInvoice };
}

/** A JSON POST as the browser's fetch sends it. */
export function jsonRequest(url: string, body: unknown): Request {
  return new Request(`http://127.0.0.1${url}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

import { NextRequest } from "next/server";
import type { RouteTarget } from "./targets";
import type { SecurityWorld } from "./world";

// One plausible request per route handler and method, aimed at customer A. Routes whose authority
// is an invoice link take the token to use, so the matrix can send a forged one. A new route or
// method needs an entry here.

export interface RouteSample {
  params?: Record<string, string | string[]>;
  query?: string;
  headers?: Record<string, string>;
  /** JSON-able (sent as JSON), or a string/FormData sent as it is */
  body?: unknown;
}

const json = { "content-type": "application/json" };

/** The same invoice id with a wrong signature: shaped right, opens nothing. */
export function forgedToken(token: string): string {
  const at = 40;
  return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
}

/** Auth.js's double-submit CSRF pair, from GET /api/auth/csrf. */
export type Csrf = { token: string; cookie: string };

export function routeSamples(w: SecurityWorld, token: string, csrf: Csrf): Record<string, RouteSample> {
  const { a } = w;
  const checkoutForm = new FormData();
  checkoutForm.set("token", token);
  checkoutForm.set("amount", "1000");
  return {
    "GET /api/auth/[...nextauth]": { params: { nextauth: ["session"] } },
    "POST /api/auth/[...nextauth]": {
      params: { nextauth: ["signout"] },
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie },
      body: new URLSearchParams({ csrfToken: csrf.token, callbackUrl: "/login" }).toString(),
    },
    "GET /api/company-logo": {},
    "GET /api/credit-notes/[id]/pdf": { params: { id: a.creditNoteId } },
    "GET /api/customers": { query: "q=Quill&sort=name" },
    "GET /api/customers/export": { query: "status=active" },
    "GET /api/health": {},
    "GET /api/invoices": { query: "status=open&sort=number" },
    "GET /api/invoices/[id]/pdf": { params: { id: a.invoice.id }, query: "inline=1" },
    "GET /api/invoices/export": { query: `ids=${a.invoice.id}` },
    "GET /api/invoices/zip": { query: `ids=${a.invoice.id}` },
    "POST /api/invoices/zip": { headers: json, body: { ids: [a.invoice.id] } },
    "POST /api/pay/paypal/orders": { headers: json, body: { token, amount: "1000" } },
    "POST /api/pay/paypal/orders/[orderId]/capture": { params: { orderId: "5O190127TN364715T" }, headers: json, body: { token } },
    "GET /api/pay/stripe/card-saved": {},
    "GET /api/pay/stripe/card-setup-cancelled": {},
    "POST /api/pay/stripe/checkout": { body: checkoutForm },
    "GET /api/payments/[id]/receipt": { params: { id: a.paymentId } },
    "GET /api/reports/[report]/export": { params: { report: "aging" }, query: "format=csv" },
    "GET /api/reports/statement/pdf": { query: `customerId=${a.customer.id}&from=2026-01-01&to=2026-12-31` },
    "POST /api/webhooks/paypal": {
      headers: {
        ...json,
        "paypal-auth-algo": "SHA256withRSA",
        "paypal-cert-url": "https://api.paypal.com/v1/notifications/certs/CERT-1",
        "paypal-transmission-id": "69cd13f0-d67a-11e5-baa3-778b53f4ae55",
        "paypal-transmission-sig": "forged",
        "paypal-transmission-time": "2026-03-10T10:00:00Z",
      },
      body: { id: "WH-1", event_type: "PAYMENT.CAPTURE.COMPLETED", resource: { id: "CAPTURE-SEC-A", status: "COMPLETED" } },
    },
    "POST /api/webhooks/resend": {
      headers: { ...json, "svix-id": "msg_1", "svix-timestamp": String(Math.floor(Date.now() / 1000)), "svix-signature": "v1,forged" },
      body: { type: "email.delivered", created_at: "2026-03-10T10:00:00Z", data: { email_id: "re_1" } },
    },
    "POST /api/webhooks/stripe": {
      headers: { ...json, "stripe-signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}` },
      body: { id: "evt_1", type: "payment_intent.succeeded", data: { object: { id: "pi_1", object: "payment_intent" } } },
    },
  };
}

/** The body as the route reads it: objects as JSON text, strings and form data as they are. */
export function bodyOf(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string" || body instanceof FormData || body instanceof Uint8Array) return body as BodyInit;
  return JSON.stringify(body);
}

/** Asks Auth.js's own handler for a CSRF token and its cookie, as a browser would before posting. */
export async function authCsrf(routes: readonly RouteTarget[]): Promise<Csrf> {
  const route = routes.find((candidate) => candidate.id === "GET /api/auth/[...nextauth]");
  if (!route) throw new Error("the Auth.js route is gone");
  const response = await route.handler(new NextRequest("http://localhost:3000/api/auth/csrf"), { params: Promise.resolve({ nextauth: ["csrf"] }) });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return { token: csrfToken, cookie };
}

import Stripe from "stripe";
import { env, type Env } from "@/lib/env";

/** Card payments are offered only when a secret key is configured. */
export function stripeConfigured(config: Env = env()): boolean {
  return Boolean(config.STRIPE_SECRET_KEY);
}

/** Test mode (sk_test_/rk_test_ keys): shown on the gateway status panel. */
export function stripeTestMode(): boolean {
  return /^(sk|rk)_test_/.test(env().STRIPE_SECRET_KEY ?? "");
}

let cached: { key: string; url: string; client: Stripe } | undefined;

/**
 * The SDK client for the configured key, pointed at STRIPE_API_URL (the real API or the fake in
 * tests/fakes). The SDK retries network errors and 5xx twice, reusing the idempotency key we pass,
 * so a retry never creates a second object (invariant 5).
 */
export function stripeClient(): Stripe {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_URL: url } = env();
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set: card payments are off.");
  if (cached?.key === key && cached.url === url) return cached.client;
  const api = new URL(url);
  const protocol = api.protocol === "http:" ? "http" : "https";
  const client = new Stripe(key, {
    host: api.hostname,
    port: api.port || (protocol === "http" ? 80 : 443),
    protocol,
    maxNetworkRetries: 2,
    timeout: 20_000,
    typescript: true,
  });
  cached = { key, url, client };
  return client;
}

/** Forget the client (tests change the key or the fake's URL between files). */
export function resetStripeClient(): void {
  cached = undefined;
}

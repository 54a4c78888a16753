import { inArray, max } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookEvents } from "@/db/schema";
import { env, type Env } from "@/lib/env";
import type { GatewaysOn } from "./available";
import { paypalConfigured } from "@/lib/gateways/paypal/client";
import { stripeConfigured } from "@/lib/gateways/stripe/client";

export type StripeMode = "test" | "live";
export type PayPalMode = "sandbox" | "live" | "custom";

/** What the admin panel shows: which settings are present and in which mode; never a secret's value. */
export interface GatewayStatus {
  fake: boolean;
  stripe: {
    configured: boolean;
    secretKeyPresent: boolean;
    mode: StripeMode | null;
    webhookSecretPresent: boolean;
    /** STRIPE_API_URL is not api.stripe.com (the fake, or a proxy) */
    customApiUrl: boolean;
    lastWebhookAt: Date | null;
  };
  paypal: {
    configured: boolean;
    clientIdPresent: boolean;
    clientSecretPresent: boolean;
    mode: PayPalMode;
    webhookIdPresent: boolean;
    lastWebhookAt: Date | null;
  };
}

export function stripeModeOf(secretKey: string | undefined): StripeMode | null {
  const match = secretKey ? /^(?:sk|rk)_(test|live)_/.exec(secretKey) : null;
  return match ? (match[1] as StripeMode) : null;
}

export function paypalModeOf(apiUrl: string): PayPalMode {
  const host = new URL(apiUrl).hostname;
  if (host === "api-m.paypal.com" || host === "api.paypal.com") return "live";
  if (host.endsWith(".sandbox.paypal.com")) return "sandbox";
  return "custom";
}

/** Card and PayPal are offered only when their keys are set (the same rule as the gateway clients). */
export function gatewaysConfigured(e: Env = env()): GatewaysOn {
  return { stripe: stripeConfigured(e), paypal: paypalConfigured(e) };
}

async function lastWebhooks(db: Db): Promise<Map<string, Date | null>> {
  const rows = await db
    .select({ gateway: webhookEvents.gateway, last: max(webhookEvents.receivedAt) })
    .from(webhookEvents)
    .where(inArray(webhookEvents.gateway, ["stripe", "paypal"]))
    .groupBy(webhookEvents.gateway);
  return new Map(rows.map((row) => [row.gateway, row.last]));
}

export async function gatewayStatus(db: Db, e: Env = env()): Promise<GatewayStatus> {
  const last = await lastWebhooks(db);
  const on = gatewaysConfigured(e);
  return {
    fake: e.CLEANPAY_FAKE_GATEWAYS,
    stripe: {
      configured: on.stripe,
      secretKeyPresent: Boolean(e.STRIPE_SECRET_KEY),
      mode: stripeModeOf(e.STRIPE_SECRET_KEY),
      webhookSecretPresent: Boolean(e.STRIPE_WEBHOOK_SECRET),
      customApiUrl: new URL(e.STRIPE_API_URL).hostname !== "api.stripe.com",
      lastWebhookAt: last.get("stripe") ?? null,
    },
    paypal: {
      configured: on.paypal,
      clientIdPresent: Boolean(e.PAYPAL_CLIENT_ID),
      clientSecretPresent: Boolean(e.PAYPAL_CLIENT_SECRET),
      mode: paypalModeOf(e.PAYPAL_API_URL),
      webhookIdPresent: Boolean(e.PAYPAL_WEBHOOK_ID),
      lastWebhookAt: last.get("paypal") ?? null,
    },
  };
}

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants.js";

// Next would try to "patch" package-lock.json over the network for platform swc builds this
// registry does not serve; the installed build works, so skip the attempt.
process.env.NEXT_IGNORE_INCORRECT_LOCKFILE ??= "1";

/**
 * AUTH_SECRET: in development a random one is made once and kept in .data/auth-secret, so a
 * newcomer needs no setup; a production server refuses to start without one. Returns the
 * generated development secret, which is then compiled into the dev bundles (the dev server's
 * workers and middleware sandbox do not share this process's environment).
 */
function ensureAuthSecret(phase) {
  if (process.env.AUTH_SECRET) return undefined;
  if (phase === PHASE_DEVELOPMENT_SERVER) {
    const file = path.join(process.cwd(), ".data", "auth-secret");
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
    }
    process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
    return process.env.AUTH_SECRET;
  }
  if (phase === PHASE_PRODUCTION_SERVER) {
    console.error(
      "CleanPay cannot start: AUTH_SECRET is not set.\n" +
        "  Set it to a random value of at least 32 characters, e.g.\n" +
        "    AUTH_SECRET=$(openssl rand -base64 32) AUTH_TRUST_HOST=true npm start\n" +
        "  AUTH_TRUST_HOST=true is needed under `next start` unless AUTH_URL names the public URL.",
    );
    process.exit(1);
  }
  return undefined;
}

/** The origin of a configured gateway URL when it is not the gateway's own (the local fakes), else null. */
function customOrigin(value, standard) {
  if (!value) return null;
  try {
    const origin = new URL(value).origin;
    return origin === standard ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Where payments take the browser: Stripe Checkout (a form post redirected there), PayPal's
 * buttons (script, frames, calls). With the fake gateways, their local origins instead.
 */
function gatewaySources() {
  const stripeFake = customOrigin(process.env.STRIPE_API_URL, "https://api.stripe.com");
  const paypalFake = customOrigin(process.env.PAYPAL_API_URL, "https://api-m.sandbox.paypal.com");
  const paypal = "https://*.paypal.com https://*.paypalobjects.com";
  return {
    form: ["https://checkout.stripe.com", stripeFake].filter(Boolean).join(" "),
    script: paypal,
    frame: paypal,
    connect: [paypal, paypalFake].filter(Boolean).join(" "),
  };
}

function securityHeaders(phase, { frameableBySelf = false } = {}) {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  const gateways = gatewaySources();
  const csp = [
    "default-src 'self'",
    // Next's inline bootstrap scripts need 'unsafe-inline'; dev's hot reload needs eval.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""} ${gateways.script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://*.paypal.com https://*.paypalobjects.com",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""} ${gateways.connect}`,
    `frame-src 'self' ${gateways.frame}`,
    `frame-ancestors ${frameableBySelf ? "'self'" : "'none'"}`,
    `form-action 'self' ${gateways.form}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Frame-Options", value: frameableBySelf ? "SAMEORIGIN" : "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(self)" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(dev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]),
  ];
}

/** @type {(phase: string) => import('next').NextConfig} */
export default function nextConfig(phase) {
  const devSecret = ensureAuthSecret(phase);
  return {
    env: devSecret ? { AUTH_SECRET: devSecret } : {},
    reactStrictMode: true,
    poweredByHeader: false,
    serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@react-pdf/renderer"],
    async headers() {
      return [
        { source: "/:path*", headers: securityHeaders(phase) },
        // PDFs are previewed in an <iframe> on our own pages; later entries win for the same header
        { source: "/api/:kind(invoices|credit-notes)/:id/pdf", headers: securityHeaders(phase, { frameableBySelf: true }) },
      ];
    },
  };
}

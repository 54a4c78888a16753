import { z } from "zod";

// Every environment variable the server reads, validated once. A bad value stops the start
// with a message naming the variable instead of failing later in some unrelated request.
const booleanString = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((value) => value === "true" || value === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
    .optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (run: openssl rand -base64 32)").optional(),
  AUTH_TRUST_HOST: booleanString,
  APP_URL: z.url("must be an absolute URL such as https://billing.example.com").default("http://localhost:3000"),
  SEED_DEMO: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  EMAIL_FROM: z.string().min(3).default("CleanPay <billing@cleanpay.localhost>"),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().default("https://api.resend.com"),
  // signing secret of the Resend webhook (dashboard → Webhooks); unset → /api/webhooks/resend refuses every call
  RESEND_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, "must be the signing secret Resend shows, starting with whsec_")
    .optional(),
  // Stripe: enabled when the secret key is set. STRIPE_API_URL points the SDK elsewhere (the fake in tests/fakes).
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, "must be a Stripe secret key (sk_test_… or sk_live_…)").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=_]+$/, "must be the endpoint's signing secret, starting with whsec_").optional(),
  STRIPE_API_URL: z.url().default("https://api.stripe.com"),
  // PayPal: enabled when the client id and secret are set; sandbox unless PAYPAL_API_URL says otherwise
  PAYPAL_CLIENT_ID: z.string().min(1).optional(),
  PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
  PAYPAL_WEBHOOK_ID: z.string().min(1).optional(),
  PAYPAL_API_URL: z.url().default("https://api-m.sandbox.paypal.com"),
  // 1: the demo talks to the local fake gateways (npm run dev:fake); the public page then shows a plain PayPal button
  CLEANPAY_FAKE_GATEWAYS: booleanString,
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (FOO=) means "not set", as in most deploy tools.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

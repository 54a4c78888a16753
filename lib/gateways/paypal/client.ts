import { env, type Env } from "@/lib/env";

// PayPal's REST API over fetch: an OAuth token cached until shortly before it expires, JSON
// bodies, a 20 s timeout, and retries that resend the same PayPal-Request-Id so PayPal answers a
// retry with the object it already made (invariant 5) instead of making a second one.

const TIMEOUT_MS = 20_000;
const RETRIES = 2;
// a token is renewed this long before PayPal says it expires, so none dies in flight
const TOKEN_MARGIN_MS = 60_000;

export function paypalConfigured(config: Env = env()): boolean {
  return Boolean(config.PAYPAL_CLIENT_ID && config.PAYPAL_CLIENT_SECRET);
}

/** PayPal answered with an error status. `name` is PayPal's (UNPROCESSABLE_ENTITY, INVALID_REQUEST, …). */
export class PayPalApiError extends Error {
  constructor(
    public readonly status: number,
    name: string,
    message: string,
    public readonly details: { issue?: string; description?: string; field?: string }[] = [],
    public readonly debugId: string | null = null,
  ) {
    super(message);
    this.name = name;
  }

  /** The first detail's issue code, e.g. ORDER_NOT_APPROVED. */
  get issue(): string | undefined {
    return this.details[0]?.issue;
  }
}

/** PayPal did not answer in time or could not be reached, after the retries. */
export class PayPalUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PayPalUnavailableError";
  }
}

/** True when PayPal could not give an answer (timeout, network, 5xx): the caller may try again later. */
export function isPayPalUnavailable(error: unknown): boolean {
  return error instanceof PayPalUnavailableError || (error instanceof PayPalApiError && error.status >= 500);
}

/** A JSON text sent exactly as given (the webhook verify call must carry the event as PayPal sent it). */
export class RawJson {
  constructor(readonly text: string) {}
}

export interface PayPalRequestOptions {
  /** PayPal-Request-Id: derived from our own row id, so a retry is recognised as the same request */
  requestId?: string;
  /** a POST that changes nothing (the webhook verify call) may be retried without a request id */
  safeToRetry?: boolean;
  timeoutMs?: number;
}

type CachedToken = { key: string; token: string; expiresAt: number };
let cachedToken: CachedToken | undefined;

function credentials(): { apiUrl: string; clientId: string; clientSecret: string } {
  const config = env();
  if (!config.PAYPAL_CLIENT_ID || !config.PAYPAL_CLIENT_SECRET) throw new Error("PayPal is not configured: set PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET.");
  return { apiUrl: config.PAYPAL_API_URL.replace(/\/+$/, ""), clientId: config.PAYPAL_CLIENT_ID, clientSecret: config.PAYPAL_CLIENT_SECRET };
}

async function accessToken(forceNew = false): Promise<string> {
  const { apiUrl, clientId, clientSecret } = credentials();
  const key = `${apiUrl} ${clientId}`;
  if (!forceNew && cachedToken && cachedToken.key === key && cachedToken.expiresAt - TOKEN_MARGIN_MS > Date.now()) return cachedToken.token;
  const response = await send(`${apiUrl}/v1/oauth2/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
    },
    body: "grant_type=client_credentials",
  });
  const data = await readJson(response);
  if (!response.ok) throw apiError(response, data);
  const token = isRecord(data) && typeof data.access_token === "string" ? data.access_token : null;
  if (!token) throw new PayPalApiError(response.status, "INVALID_TOKEN_RESPONSE", "PayPal's token answer had no access_token.");
  const seconds = isRecord(data) && typeof data.expires_in === "number" ? data.expires_in : 300;
  cachedToken = { key, token, expiresAt: Date.now() + seconds * 1000 };
  return token;
}

/**
 * One call to PayPal's REST API; resolves to the parsed JSON answer (null for 204). Error statuses
 * throw PayPalApiError; a timeout, network failure or 5xx is retried twice with the same request
 * id, then thrown. A POST without a request id is never retried: PayPal could not tell it apart.
 */
export async function paypalRequest(method: "GET" | "POST" | "PATCH", path: string, body?: unknown, options: PayPalRequestOptions = {}): Promise<unknown> {
  const { apiUrl } = credentials();
  const retriable = method === "GET" || Boolean(options.requestId) || options.safeToRetry === true;
  let refreshedToken = false;
  for (let attempt = 0; ; attempt += 1) {
    const lastTry = !retriable || attempt >= RETRIES;
    let response: Response;
    try {
      response = await send(
        `${apiUrl}${path}`,
        {
          method,
          headers: {
            Authorization: `Bearer ${await accessToken(refreshedToken)}`,
            "Content-Type": "application/json",
            Accept: "application/json",
            Prefer: "return=representation",
            ...(options.requestId ? { "PayPal-Request-Id": options.requestId } : {}),
          },
          body: body === undefined ? undefined : body instanceof RawJson ? body.text : JSON.stringify(body),
        },
        options.timeoutMs,
      );
    } catch (error) {
      if (lastTry || !(error instanceof PayPalUnavailableError)) throw error;
      await pause(attempt);
      continue;
    }
    const data = await readJson(response);
    if (response.ok) return data;
    // an expired or revoked token: fetch a new one once and send again
    if (response.status === 401 && !refreshedToken) {
      refreshedToken = true;
      attempt -= 1;
      continue;
    }
    if (response.status >= 500 && !lastTry) {
      await pause(attempt);
      continue;
    }
    throw apiError(response, data);
  }
}

async function send(url: string, init: RequestInit, timeoutMs = TIMEOUT_MS): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), cache: "no-store" });
  } catch (error) {
    throw new PayPalUnavailableError(`PayPal did not answer (${init.method ?? "GET"} ${new URL(url).pathname}).`, { cause: error });
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 500) };
  }
}

function apiError(response: Response, data: unknown): PayPalApiError {
  const record = isRecord(data) ? data : {};
  const name = typeof record.name === "string" ? record.name : typeof record.error === "string" ? record.error : `HTTP_${response.status}`;
  const message =
    typeof record.message === "string" ? record.message : typeof record.error_description === "string" ? record.error_description : `PayPal answered ${response.status}.`;
  const details = Array.isArray(record.details)
    ? record.details.filter(isRecord).map((detail) => ({
        issue: typeof detail.issue === "string" ? detail.issue : undefined,
        description: typeof detail.description === "string" ? detail.description : undefined,
        field: typeof detail.field === "string" ? detail.field : undefined,
      }))
    : [];
  const debugId = typeof record.debug_id === "string" ? record.debug_id : response.headers.get("paypal-debug-id");
  return new PayPalApiError(response.status, name, message, details, debugId);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** 250 ms, then 750 ms: short, since a person is usually waiting on the answer. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 250 + attempt * 500));
}

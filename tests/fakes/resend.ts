import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedEmail {
  idempotencyKey: string | undefined;
  body: {
    from: string;
    to: string[];
    cc?: string[];
    subject: string;
    html: string;
    text: string;
    // content is base64, as Resend's API takes it
    attachments?: { filename: string; content: string; content_type?: string }[];
  };
}

/**
 * How a failing call fails. error-before: 500 without taking the message; error-after: takes it
 * (a retry with the same key is not sent again), then answers 500; timeout: takes it and never
 * answers, then drops the connection after `hangMs`.
 */
export type ResendFailMode = "error-before" | "error-after" | "timeout";

/**
 * A local stand-in for Resend's HTTP API (POST /emails): checks the bearer key, honours
 * Idempotency-Key like the real service (same key → same id, not sent twice) and can be told to fail.
 */
export async function startFakeResend(apiKey = "re_test_key", options: { hangMs?: number } = {}) {
  const received: ReceivedEmail[] = [];
  const byKey = new Map<string, string>();
  // every POST per Idempotency-Key, failed ones included
  const attempts = new Map<string, number>();
  const faults: { mode: ResendFailMode; times: number }[] = [];
  const takeFault = (): ResendFailMode | undefined => {
    const fault = faults[0];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) faults.shift();
    return fault.mode;
  };

  const server = createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST" || req.url !== "/emails") return reply(404, { name: "not_found", message: "Not found" });
    if (req.headers.authorization !== `Bearer ${apiKey}`) return reply(401, { name: "validation_error", message: "API key is invalid" });
    const key = header(req, "idempotency-key");
    if (key) attempts.set(key, (attempts.get(key) ?? 0) + 1);
    const outage = () => reply(500, { name: "internal_server_error", message: "Simulated outage" });
    const fault = takeFault();
    if (fault === "error-before") return outage();
    const body = JSON.parse(await readBody(req)) as ReceivedEmail["body"];
    let id = key ? byKey.get(key) : undefined;
    if (!id) {
      id = randomUUID();
      if (key) byKey.set(key, id);
      received.push({ idempotencyKey: key, body });
    }
    if (fault === "error-after") return outage();
    if (fault === "timeout") return void setTimeout(() => res.destroy(), options.hangMs ?? 1_000);
    reply(200, { id });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiKey,
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    attempts,
    /** the id given for an Idempotency-Key (what the app should have stored) */
    idFor: (key: string) => byKey.get(key),
    /** the next `times` calls fail (after any failures already queued) */
    failNext(times = 1, mode: ResendFailMode = "error-before") {
      if (times > 0) faults.push({ mode, times });
    },
    /** failures queued and not yet served */
    faultsLeft: () => faults.reduce((sum, fault) => sum + fault.times, 0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

/**
 * A Resend webhook call signed the way Resend (via svix) signs it: HMAC-SHA256 of
 * `${id}.${timestamp}.${body}` with the base64 key after "whsec_", in the svix-* headers.
 */
export function signResendWebhook(secret: string, event: unknown, options: { id?: string; timestamp?: Date } = {}) {
  const id = options.id ?? `msg_${randomUUID().replace(/-/g, "")}`;
  const timestamp = options.timestamp ?? new Date();
  const body = JSON.stringify(event);
  const seconds = Math.floor(timestamp.getTime() / 1000);
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${seconds}.${body}`).digest("base64");
  const headers = new Headers({ "svix-id": id, "svix-timestamp": String(seconds), "svix-signature": `v1,${signature}`, "content-type": "application/json" });
  return { id, body, headers };
}

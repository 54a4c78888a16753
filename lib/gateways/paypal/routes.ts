import { z } from "zod";
import type { Db } from "@/db";
import { requestMeta } from "@/lib/auth/request-meta";
import { capturePayPalOrder } from "./capture";
import { errorAnswer, type JsonAnswer } from "./errors";
import { createPayPalOrder } from "./orders";

// The two public PayPal routes without the HTTP framework: parse, call lib, shape the JSON answer.

const tokenSchema = z.string().min(1).max(200);
const createSchema = z.object({ token: tokenSchema, amount: z.string().regex(/^[1-9]\d{0,17}$/, "amount must be minor units, e.g. 1250") });
const captureSchema = z.object({ token: tokenSchema });
const orderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

async function readBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return null;
  }
}

const actorOf = (request: Request) => ({ userId: null, label: "customer", ...requestMeta(request.headers) });
const badRequest = (error: string): JsonAnswer => ({ status: 400, body: { ok: false, code: "BAD_REQUEST", error } });

/** POST /api/pay/paypal/orders {token, amount} → {orderId, approveUrl}. */
export async function createOrderAnswer(db: Db, request: Request): Promise<JsonAnswer> {
  const input = createSchema.safeParse(await readBody(request));
  if (!input.success) return badRequest("Send the invoice token and the amount in minor units.");
  try {
    const order = await createPayPalOrder(db, { token: input.data.token, amount: BigInt(input.data.amount) }, actorOf(request));
    return { status: 200, body: { ok: true, ...order } };
  } catch (error) {
    return errorAnswer(error);
  }
}

/** POST /api/pay/paypal/orders/:orderId/capture {token} → {status, invoiceStatus, amountDue}. */
export async function captureOrderAnswer(db: Db, request: Request, orderId: string): Promise<JsonAnswer> {
  const input = captureSchema.safeParse(await readBody(request));
  if (!input.success || !orderIdSchema.safeParse(orderId).success) return badRequest("Send the invoice token for a PayPal order.");
  try {
    const answer = await capturePayPalOrder(db, { token: input.data.token, orderId }, actorOf(request));
    return { status: 200, body: { ok: true, ...answer } };
  } catch (error) {
    return errorAnswer(error);
  }
}

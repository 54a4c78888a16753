import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { invoices, type Invoice } from "@/db/schema";
import { env } from "@/lib/env";

/**
 * The public link of an invoice, /i/<token>: the invoice id (16 bytes) followed by an HMAC of the
 * id and the invoice's random nonce (192 bits), base64url. Nothing secret is stored: the page
 * recomputes the HMAC and compares in constant time; a new nonce revokes every earlier link.
 */
const ID_BYTES = 16;
const MAC_BYTES = 24;

function linkKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: invoice links are signed with it.");
  return createHmac("sha256", secret).update("cleanpay:invoice-public-link").digest();
}

function mac(id: string, nonce: string): Buffer {
  return createHmac("sha256", linkKey()).update(`${id}:${nonce}`).digest().subarray(0, MAC_BYTES);
}

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ""), "hex");
}

function uuidFromBytes(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function publicTokenFor(invoice: Pick<Invoice, "id" | "publicLinkNonce">): string {
  return Buffer.concat([uuidBytes(invoice.id), mac(invoice.id, invoice.publicLinkNonce)]).toString("base64url");
}

export function publicPathFor(invoice: Pick<Invoice, "id" | "publicLinkNonce">): string {
  return `/i/${publicTokenFor(invoice)}`;
}

/** The invoice a token names, or null for anything else (malformed, tampered, revoked, draft, deleted). */
export async function findInvoiceByPublicToken(db: Db, token: string): Promise<Invoice | null> {
  if (!/^[A-Za-z0-9_-]{54}$/.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length !== ID_BYTES + MAC_BYTES) return null;
  const id = uuidFromBytes(bytes.subarray(0, ID_BYTES));
  const [invoice] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), isNull(invoices.deletedAt)));
  if (!invoice || invoice.status === "draft") return null;
  return timingSafeEqual(bytes.subarray(ID_BYTES), mac(invoice.id, invoice.publicLinkNonce)) ? invoice : null;
}

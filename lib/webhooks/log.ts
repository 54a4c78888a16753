import { and, count, desc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { webhookEvents, type WebhookEvent } from "@/db/schema";
import { pageOf } from "@/lib/list-queries";

// Read side of the webhook log (/admin/webhooks). Receiving and applying live in events.ts.

export const WEBHOOK_LOG_PAGE_SIZE = 50;
export const WEBHOOK_GATEWAYS = ["stripe", "paypal", "resend"] as const;
/**
 * received: stored, not applied yet and no error (in flight, or never retried);
 * failed: applying threw, the error is kept and the gateway will retry;
 * processed: applied or ignored; held: acknowledged but not applied, waiting for a person.
 */
export const WEBHOOK_STATUSES = ["received", "failed", "processed", "held"] as const;
export type WebhookLogStatus = (typeof WEBHOOK_STATUSES)[number];

export const webhookLogQuerySchema = z.object({
  gateway: z.enum(WEBHOOK_GATEWAYS).optional().catch(undefined),
  status: z.enum(WEBHOOK_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type WebhookLogQuery = z.infer<typeof webhookLogQuerySchema>;

type StatusFields = Pick<WebhookEvent, "processedAt" | "outcome" | "error">;

/** One row's status; the SQL in statusWhere says the same thing. */
export function webhookStatus(row: StatusFields): WebhookLogStatus {
  if (row.outcome === "held") return "held";
  if (row.processedAt) return "processed";
  return row.error ? "failed" : "received";
}

const notHeld = or(isNull(webhookEvents.outcome), sql`${webhookEvents.outcome} <> 'held'`);

function statusWhere(status: WebhookLogStatus): SQL | undefined {
  switch (status) {
    case "held":
      return eq(webhookEvents.outcome, "held");
    case "processed":
      return and(notHeld, isNotNull(webhookEvents.processedAt));
    case "failed":
      return and(notHeld, isNull(webhookEvents.processedAt), isNotNull(webhookEvents.error));
    case "received":
      return and(notHeld, isNull(webhookEvents.processedAt), isNull(webhookEvents.error));
  }
}

/** Newest first, filtered by gateway and status; the payload stays out of the list. */
export async function listWebhookEvents(db: Db, query: WebhookLogQuery) {
  const filters = [query.gateway ? eq(webhookEvents.gateway, query.gateway) : undefined, query.status ? statusWhere(query.status) : undefined];
  const where = and(...filters.filter((filter): filter is SQL => filter !== undefined));
  const { total, page, pageCount, offset } = await pageOf(db.select({ n: count() }).from(webhookEvents).where(where), query.page, WEBHOOK_LOG_PAGE_SIZE);
  const rows = await db
    .select({
      id: webhookEvents.id,
      gateway: webhookEvents.gateway,
      eventId: webhookEvents.eventId,
      type: webhookEvents.type,
      receivedAt: webhookEvents.receivedAt,
      processedAt: webhookEvents.processedAt,
      outcome: webhookEvents.outcome,
      heldReason: webhookEvents.heldReason,
      attempts: webhookEvents.attempts,
      error: webhookEvents.error,
    })
    .from(webhookEvents)
    .where(where)
    .orderBy(desc(webhookEvents.receivedAt), desc(webhookEvents.id))
    .limit(WEBHOOK_LOG_PAGE_SIZE)
    .offset(offset);
  return { rows: rows.map((row) => ({ ...row, status: webhookStatus(row) })), total, page, pageCount };
}
export type WebhookLogRow = Awaited<ReturnType<typeof listWebhookEvents>>["rows"][number];

/** One event with its payload; null for an unknown or malformed id. */
export async function getWebhookEvent(db: Db, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  return row ? { ...row, status: webhookStatus(row) } : null;
}

/** The payload as the detail page prints it: indented JSON. */
export function prettyPayload(payload: unknown): string {
  return JSON.stringify(payload, null, 2) ?? "null";
}

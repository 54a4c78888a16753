import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookEvents } from "@/db/schema";

export interface IncomingWebhookEvent {
  gateway: string;
  /** the gateway's own id of the event (svix-id, Stripe evt_…), unique per gateway */
  eventId: string;
  type: string;
  payload: unknown;
}

export type WebhookOutcome = "processed" | "duplicate";

/**
 * Records a verified event and applies it once (invariant 4). The row is inserted with ON CONFLICT
 * DO NOTHING, then locked: `apply` runs in the same transaction that stamps processed_at, so a
 * replay or a concurrent duplicate finds it processed and changes nothing. When `apply` throws,
 * its changes roll back, the error is kept on the row and rethrown, and the gateway's retry runs it
 * again.
 */
export async function receiveWebhookEvent(db: Db, event: IncomingWebhookEvent, apply: (tx: Db) => Promise<void>): Promise<WebhookOutcome> {
  const key = and(eq(webhookEvents.gateway, event.gateway), eq(webhookEvents.eventId, event.eventId));
  await db
    .insert(webhookEvents)
    .values({ gateway: event.gateway, eventId: event.eventId, type: event.type, payload: event.payload })
    .onConflictDoNothing({ target: [webhookEvents.gateway, webhookEvents.eventId] });
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.select({ processedAt: webhookEvents.processedAt }).from(webhookEvents).where(key).for("update");
      if (!row) throw new Error(`webhook event ${event.gateway}/${event.eventId} vanished`);
      if (row.processedAt) return "duplicate";
      await apply(tx);
      await tx.update(webhookEvents).set({ processedAt: new Date(), error: null }).where(key);
      return "processed";
    });
  } catch (error) {
    await db.update(webhookEvents).set({ error: rootMessage(error) }).where(key);
    throw error;
  }
}

/** The innermost cause: the database's own words, not the failed query with its parameters. */
function rootMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause !== undefined) current = current.cause;
  return (current instanceof Error ? current.message : String(current)).slice(0, 2000);
}

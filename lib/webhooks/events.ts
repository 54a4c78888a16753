import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookEvents, type WebhookEventOutcome } from "@/db/schema";
import { isUuid } from "@/lib/customers/detail";
import { UserError } from "@/lib/errors";

export interface IncomingWebhookEvent {
  gateway: string;
  /** the gateway's own id of the event (svix-id, Stripe evt_…), unique per gateway */
  eventId: string;
  type: string;
  payload: unknown;
}

export type WebhookOutcome = "processed" | "duplicate";

/** What an applier can say besides changing rows: run something after commit, hold or ignore the event. */
export interface WebhookEffects {
  /** runs once the transaction has committed (email delivery); errors are logged, never rethrown */
  afterCommit(fn: () => Promise<void>): void;
  /** acknowledged but not applied: amounts did not match, a person has to look */
  hold(reason: string): void;
  /** nothing to change (unknown type, already in that state) */
  ignore(): void;
}

export type WebhookApplier = (tx: Db, payload: unknown, effects: WebhookEffects) => Promise<void>;

/** Effects collected during one attempt; the outcome is "applied" unless the applier said otherwise. */
function collectEffects() {
  const later: (() => Promise<void>)[] = [];
  let outcome: WebhookEventOutcome = "applied";
  let heldReason: string | null = null;
  const effects: WebhookEffects = {
    afterCommit: (fn) => void later.push(fn),
    hold: (reason) => {
      outcome = "held";
      heldReason = reason.slice(0, 2000);
    },
    ignore: () => {
      if (outcome !== "held") outcome = "ignored";
    },
  };
  return {
    effects,
    result: () => ({ outcome, heldReason }),
    async runAfterCommit() {
      for (const fn of later) await fn().catch((error: unknown) => console.error("webhook after-commit step failed", error));
    },
  };
}

/**
 * Records a verified event and applies it once (invariant 4). The row is inserted with ON CONFLICT
 * DO NOTHING, then locked: `apply` runs in the same transaction that stamps processed_at, so a
 * replay or a concurrent duplicate finds it processed and changes nothing. When `apply` throws,
 * its changes roll back, the error is kept on the row and rethrown, and the gateway's retry runs it
 * again.
 */
export async function receiveWebhookEvent(
  db: Db,
  event: IncomingWebhookEvent,
  apply: (tx: Db, effects: WebhookEffects) => Promise<void>,
): Promise<WebhookOutcome> {
  const key = and(eq(webhookEvents.gateway, event.gateway), eq(webhookEvents.eventId, event.eventId));
  await db
    .insert(webhookEvents)
    .values({ gateway: event.gateway, eventId: event.eventId, type: event.type, payload: event.payload })
    .onConflictDoNothing({ target: [webhookEvents.gateway, webhookEvents.eventId] });
  return runLocked(db, key, (processed) => (processed ? "skip" : apply), `${event.gateway}/${event.eventId}`);
}

/**
 * Locks the event row and runs `choose(alreadyProcessed)`'s applier in that transaction; "skip"
 * means a duplicate. Outcome, attempts and errors are written on the row.
 */
async function runLocked(
  db: Db,
  key: ReturnType<typeof and>,
  choose: (processed: boolean) => "skip" | ((tx: Db, effects: WebhookEffects) => Promise<void>),
  label: string,
): Promise<WebhookOutcome> {
  const attempt = collectEffects();
  try {
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ processedAt: webhookEvents.processedAt, outcome: webhookEvents.outcome, heldReason: webhookEvents.heldReason })
        .from(webhookEvents)
        .where(key)
        .for("update");
      if (!row) throw new Error(`webhook event ${label} vanished`);
      const apply = choose(row.processedAt !== null);
      if (apply === "skip") return "duplicate" as const;
      await apply(tx, attempt.effects);
      const replayed = attempt.result();
      // replaying an event that already took effect finds nothing to do: keep the outcome it had
      const { outcome, heldReason } = row.processedAt !== null && replayed.outcome === "ignored" ? row : replayed;
      await tx
        .update(webhookEvents)
        .set({ processedAt: new Date(), outcome, heldReason, error: null, attempts: sql`${webhookEvents.attempts} + 1` })
        .where(key);
      return "processed" as const;
    });
    if (outcome === "processed") await attempt.runAfterCommit();
    return outcome;
  } catch (error) {
    // a duplicate delivery may have applied the event meanwhile: a processed row keeps no stale error
    await db
      .update(webhookEvents)
      .set({ error: rootMessage(error), attempts: sql`${webhookEvents.attempts} + 1` })
      .where(and(key, isNull(webhookEvents.processedAt)));
    throw error;
  }
}

const appliers = new Map<string, WebhookApplier>();

/** Each gateway's module registers how to apply its stored payloads, so an admin can replay any event. */
export function registerWebhookApplier(gateway: string, applier: WebhookApplier): void {
  appliers.set(gateway, applier);
}

/**
 * Runs a stored event's payload again (admin → Webhooks → Replay), processed or not. Safe by
 * construction: every applier is guarded by state, so an event already applied changes nothing.
 */
export async function replayWebhookEvent(db: Db, eventRowId: string): Promise<WebhookOutcome> {
  const [row] = isUuid(eventRowId) ? await db.select().from(webhookEvents).where(eq(webhookEvents.id, eventRowId)) : [];
  if (!row) throw new UserError("This webhook event no longer exists.");
  const applier = appliers.get(row.gateway);
  if (!applier) throw new UserError(`Events from ${row.gateway} cannot be replayed.`);
  return runLocked(db, eq(webhookEvents.id, row.id), () => (tx, effects) => applier(tx, row.payload, effects), `${row.gateway}/${row.eventId}`);
}

/** The innermost cause: the database's own words, not the failed query with its parameters. */
function rootMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause !== undefined) current = current.cause;
  return (current instanceof Error ? current.message : String(current)).slice(0, 2000);
}

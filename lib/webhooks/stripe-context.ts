import type { Db } from "@/db";
import type { Actor } from "@/lib/audit";
import { deliverQueuedEmails } from "@/lib/receipts/notices";
import type { WebhookEffects } from "./events";

/** Stripe acting through its webhook. */
export const STRIPE_ACTOR: Actor = { userId: null, label: "stripe" };

export interface StripeApplyContext {
  tx: Db;
  effects: WebhookEffects;
  /** the database itself, for work after the event's transaction commits */
  outerDb: () => Promise<Db>;
  eventType: string;
}

/** Emails queued in the event's transaction go out only once it has committed. */
export function deliverAfterCommit(ctx: StripeApplyContext, ids: string[]): void {
  if (ids.length === 0) return;
  ctx.effects.afterCommit(async () => deliverQueuedEmails(await ctx.outerDb(), ids));
}

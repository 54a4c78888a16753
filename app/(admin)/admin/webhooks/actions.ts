"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, permissionAction } from "@/lib/actions";
import { writeAudit } from "@/lib/audit";
import { getWebhookEvent } from "@/lib/webhooks/log";
import { replayWebhookEvent } from "@/lib/webhooks/events";
import { UserError } from "@/lib/errors";
// each gateway's module registers its applier when loaded: load them all, or a replay finds none
import "@/lib/webhooks/paypal-apply";
import "@/lib/webhooks/resend";
import "@/lib/webhooks/stripe-apply";

const replaySchema = z.object({ id: z.uuid() });

/**
 * Runs a stored event's payload again (its state guards make a second run change nothing that is
 * already right). A failure is shown to the admin and stays on the event row.
 */
export const replayWebhookEventAction = permissionAction("settings.manage", replaySchema, async ({ id }, { db, actor }) => {
  const event = await getWebhookEvent(db, id);
  if (!event) throw new ActionError("That webhook event does not exist.");
  try {
    await replayWebhookEvent(db, id);
  } catch (error) {
    revalidatePath(`/admin/webhooks/${id}`);
    if (error instanceof UserError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ActionError(`The replay failed: ${message.slice(0, 300)}`);
  } finally {
    await writeAudit(db, actor, { action: "webhook.replay", entityType: "webhook_event", entityId: id, after: { gateway: event.gateway, eventId: event.eventId, type: event.type } });
  }
  revalidatePath("/admin/webhooks");
  revalidatePath(`/admin/webhooks/${id}`);
  const replayed = await getWebhookEvent(db, id);
  return { status: replayed?.status ?? event.status };
});

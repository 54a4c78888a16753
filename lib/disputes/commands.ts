import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { disputeNotes, disputes, type Dispute } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit";
import { isUuid } from "@/lib/customers/detail";
import { UserError } from "@/lib/errors";
import { submitStripeDisputeEvidence } from "@/lib/gateways/stripe/disputes";
import type { DisputeEvidenceInput, DisputeNoteInput } from "./schemas";
import { awaitsEvidence } from "./status";

/** Sends the evidence to the gateway; Stripe's by default, a stand-in in tests. */
export type EvidenceSubmitter = (gatewayDisputeId: string, text: string) => Promise<void>;

async function lockDispute(tx: Db, id: string): Promise<Dispute> {
  const [row] = isUuid(id) ? await tx.select().from(disputes).where(eq(disputes.id, id)).for("update") : [];
  if (!row) throw new UserError("This dispute no longer exists.");
  return row;
}

/** Refuses evidence once it has gone to the gateway, or when the case no longer takes any. */
function assertTakesEvidence(dispute: Dispute): void {
  if (dispute.evidenceSubmittedAt) throw new UserError("Evidence was already submitted for this dispute.");
  if (!awaitsEvidence(dispute.status)) throw new UserError("This dispute no longer takes evidence.");
}

/** A staff note on the case; it shows under the dispute and on its timeline. */
export async function addDisputeNote(db: Db, input: DisputeNoteInput, actor: Actor): Promise<{ noteId: string }> {
  return db.transaction(async (tx) => {
    const dispute = await lockDispute(tx, input.disputeId);
    const [note] = await tx.insert(disputeNotes).values({ disputeId: dispute.id, authorId: actor.userId, body: input.body }).returning({ id: disputeNotes.id });
    if (!note) throw new Error("dispute note insert returned nothing");
    await writeAudit(tx, actor, { action: "dispute.note", entityType: "dispute", entityId: dispute.id, after: { noteId: note.id, excerpt: input.body.slice(0, 200) } });
    return { noteId: note.id };
  });
}

/** Keeps a draft of the evidence text; nothing goes to the gateway yet. */
export async function saveDisputeEvidence(db: Db, input: DisputeEvidenceInput, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const dispute = await lockDispute(tx, input.disputeId);
    assertTakesEvidence(dispute);
    if (dispute.evidenceText === input.text) return;
    await tx.update(disputes).set({ evidenceText: input.text }).where(eq(disputes.id, dispute.id));
    await writeAudit(tx, actor, { action: "dispute.evidence", entityType: "dispute", entityId: dispute.id, before: { length: dispute.evidenceText?.length ?? 0 }, after: { length: input.text.length } });
  });
}

/**
 * Saves the text, sends it to Stripe (outside any transaction: a slow gateway holds no lock), then
 * marks the case submitted. Stripe refusing leaves it unsubmitted, with the text kept, to try again.
 */
export async function submitDisputeEvidence(db: Db, input: DisputeEvidenceInput, actor: Actor, submit: EvidenceSubmitter = submitStripeDisputeEvidence): Promise<Dispute> {
  await saveDisputeEvidence(db, input, actor);
  const [dispute] = await db.select().from(disputes).where(eq(disputes.id, input.disputeId));
  if (!dispute) throw new UserError("This dispute no longer exists.");
  if (dispute.gateway !== "stripe") throw new UserError("Only Stripe disputes take evidence here.");
  try {
    await submit(dispute.gatewayDisputeId, input.text);
  } catch {
    throw new UserError("Stripe did not accept the evidence. It is saved here; try submitting again.");
  }
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(disputes)
      .set({ evidenceText: input.text, evidenceSubmittedAt: new Date(), evidenceSubmittedBy: actor.userId })
      .where(and(eq(disputes.id, dispute.id), isNull(disputes.evidenceSubmittedAt)))
      .returning();
    if (!updated) throw new UserError("Evidence was already submitted for this dispute.");
    await writeAudit(tx, actor, { action: "dispute.submit", entityType: "dispute", entityId: dispute.id, after: { length: input.text.length } });
    return updated;
  });
}

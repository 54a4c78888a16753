"use server";

import { revalidatePath } from "next/cache";
import { permissionAction } from "@/lib/actions";
import { addDisputeNote, saveDisputeEvidence, submitDisputeEvidence } from "@/lib/disputes/commands";
import { disputeEvidenceSchema, disputeNoteSchema } from "@/lib/disputes/schemas";

// Staff work on a dispute case: notes, the evidence draft, and sending it to Stripe.

function revalidate(disputeId: string) {
  revalidatePath("/disputes");
  revalidatePath(`/disputes/${disputeId}`);
}

export const addDisputeNoteAction = permissionAction("payments.write", disputeNoteSchema, async (input, { db, actor }) => {
  const result = await addDisputeNote(db, input, actor);
  revalidate(input.disputeId);
  return result;
});

export const saveDisputeEvidenceAction = permissionAction("payments.write", disputeEvidenceSchema, async (input, { db, actor }) => {
  await saveDisputeEvidence(db, input, actor);
  revalidate(input.disputeId);
  return null;
});

export const submitDisputeEvidenceAction = permissionAction("payments.write", disputeEvidenceSchema, async (input, { db, actor }) => {
  await submitDisputeEvidence(db, input, actor);
  revalidate(input.disputeId);
  return null;
});

import { z } from "zod";

// What the dispute forms send; shared by the forms (client) and the server actions.

export const MAX_EVIDENCE_CHARS = 20_000;

export const disputeNoteSchema = z.object({
  disputeId: z.uuid(),
  body: z.string().trim().min(1, "Write the note first.").max(5000, "Use at most 5,000 characters."),
});

export const disputeEvidenceSchema = z.object({
  disputeId: z.uuid(),
  text: z.string().trim().min(1, "Write the evidence first.").max(MAX_EVIDENCE_CHARS, `Use at most ${MAX_EVIDENCE_CHARS.toLocaleString("en-US")} characters.`),
});

export type DisputeNoteInput = z.output<typeof disputeNoteSchema>;
export type DisputeEvidenceInput = z.output<typeof disputeEvidenceSchema>;

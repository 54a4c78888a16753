import type { DisputeStatus } from "@/db/schema/disputes";

// Dispute statuses in words and what they mean for the case. No server imports: the badges use it.

export const DISPUTE_STATUSES = [
  "warning_needs_response",
  "warning_under_review",
  "warning_closed",
  "needs_response",
  "under_review",
  "won",
  "lost",
  "prevented",
] as const satisfies readonly DisputeStatus[];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  warning_needs_response: "Inquiry: needs response",
  warning_under_review: "Inquiry: under review",
  warning_closed: "Inquiry closed",
  needs_response: "Needs response",
  under_review: "Under review",
  won: "Won",
  lost: "Lost",
  prevented: "Prevented",
};

/** Closed for good: won, lost, an inquiry closed, or prevented. */
export const FINAL_DISPUTE_STATUSES = ["won", "lost", "warning_closed", "prevented"] as const satisfies readonly DisputeStatus[];
const FINAL: ReadonlySet<DisputeStatus> = new Set(FINAL_DISPUTE_STATUSES);
const AWAITING_EVIDENCE: ReadonlySet<DisputeStatus> = new Set(["needs_response", "warning_needs_response"]);

/** Closed for good: Stripe never reopens these, so neither do we. */
export function isFinalDisputeStatus(status: DisputeStatus): boolean {
  return FINAL.has(status);
}

/** Stripe still takes evidence for it. */
export function awaitsEvidence(status: DisputeStatus): boolean {
  return AWAITING_EVIDENCE.has(status);
}

/** Evidence due within this many days is shown as urgent. */
export const DUE_SOON_DAYS = 3;

/** An open case whose evidence is due in less than DUE_SOON_DAYS (or already late). */
export function evidenceDueSoon(dispute: { status: DisputeStatus; evidenceDueBy: Date | null; evidenceSubmittedAt: Date | null }, now: Date): boolean {
  if (!dispute.evidenceDueBy || dispute.evidenceSubmittedAt || !awaitsEvidence(dispute.status)) return false;
  return dispute.evidenceDueBy.getTime() - now.getTime() < DUE_SOON_DAYS * 24 * 60 * 60 * 1000;
}

/** One audit row in words, as the customer and invoice timelines show it. */
export interface ActivityItem {
  id: string;
  at: Date;
  actorName: string;
  action: string;
  /** "Created", "Updated: email, phone", "Finalized as INV-2026-00001", … */
  summary: string;
  /** a note excerpt, the payment method, the void reason, the total, when there is one */
  detail: string | null;
}

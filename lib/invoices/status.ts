import type { InvoiceStatus } from "@/db/schema/invoices";

/**
 * What people see on a badge: the stored status, or "overdue" for an open invoice past its due
 * date with an amount still due. Pure, so lists, the PDF and the portal agree.
 */
export type DisplayStatus = InvoiceStatus | "overdue";

export const OPEN_STATUSES = ["finalized", "sent", "viewed", "partial"] as const satisfies readonly InvoiceStatus[];

export function isOpen(status: InvoiceStatus): boolean {
  return (OPEN_STATUSES as readonly InvoiceStatus[]).includes(status);
}

/** `today` is an ISO date (yyyy-mm-dd) in the company's calendar. */
export function displayStatus(invoice: { status: InvoiceStatus; dueDate: string; amountDue: bigint }, today: string): DisplayStatus {
  if (isOpen(invoice.status) && invoice.amountDue > 0n && invoice.dueDate < today) return "overdue";
  return invoice.status;
}

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  draft: "Draft",
  finalized: "Finalized",
  sent: "Sent",
  viewed: "Viewed",
  partial: "Partially paid",
  paid: "Paid",
  overdue: "Overdue",
  void: "Void",
  uncollectible: "Uncollectible",
};

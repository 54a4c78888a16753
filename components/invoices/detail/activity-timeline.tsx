import { ActivityList } from "@/components/ui/activity-list";
import type { InvoiceActivityItem } from "@/lib/invoices/detail";

/** The invoice's audit trail in words, newest first: created, edited, finalized, sent, viewed, paid… */
export function InvoiceTimeline({ items }: { items: InvoiceActivityItem[] }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">No activity yet.</p>;
  return <ActivityList items={items} testId="invoice-activity" />;
}

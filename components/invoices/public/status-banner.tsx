import { AlertTriangle, CheckCircle2, CircleSlash, Clock } from "lucide-react";
import type { ReactNode } from "react";
import type { Invoice } from "@/db/schema";
import type { DisplayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { formatPdfDate } from "@/lib/pdf/format";
import { cn } from "@/lib/utils";

type Tone = "success" | "danger" | "muted" | "info";

const TONES: Record<Tone, string> = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  danger: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  muted: "border-border bg-muted text-muted-foreground",
  info: "border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100",
};

function banner(invoice: Invoice, status: DisplayStatus): { tone: Tone; icon: ReactNode; text: string } {
  const due = formatMoney(invoice.amountDue, invoice.currency);
  const dueDate = formatPdfDate(invoice.dueDate);
  switch (status) {
    case "paid":
      return { tone: "success", icon: <CheckCircle2 />, text: invoice.paidAt ? `Paid in full on ${formatPdfDate(invoice.paidAt.toISOString().slice(0, 10))}. Thank you.` : "Paid in full. Thank you." };
    case "overdue":
      return { tone: "danger", icon: <AlertTriangle />, text: `Overdue: ${due} was due on ${dueDate}.` };
    case "void":
      return { tone: "muted", icon: <CircleSlash />, text: "This invoice was voided; nothing is due." };
    case "uncollectible":
      return { tone: "muted", icon: <CircleSlash />, text: "This invoice is closed." };
    default:
      return { tone: "info", icon: <Clock />, text: invoice.amountDue > 0n ? `${due} due on ${dueDate}.` : "Nothing is due on this invoice." };
  }
}

/** The one sentence a customer needs first: paid, overdue, voided or when it is due. */
export function StatusBanner({ invoice, status }: { invoice: Invoice; status: DisplayStatus }) {
  const { tone, icon, text } = banner(invoice, status);
  return (
    <div role="status" data-testid="public-invoice-status" data-status={status} className={cn("flex items-center gap-2 rounded-md border px-4 py-3 text-sm font-medium [&_svg]:size-4", TONES[tone])}>
      {icon}
      {text}
    </div>
  );
}

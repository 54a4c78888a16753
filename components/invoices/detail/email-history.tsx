import { EmailStatusBadge } from "@/components/admin/email-status-badge";
import type { InvoiceEmailHistoryRow } from "@/lib/invoices/send";
import { formatDateTime } from "./format";

/** Every email about this invoice, newest first, with where it went and how far it got. */
export function EmailHistory({ emails }: { emails: InvoiceEmailHistoryRow[] }) {
  if (emails.length === 0) return <p className="text-sm text-muted-foreground">No emails sent yet.</p>;
  return (
    <ul className="space-y-3" data-testid="invoice-email-history">
      {emails.map((email) => (
        <li key={email.id} className="space-y-0.5 text-sm" data-testid="invoice-email">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{email.subject}</span>
            <EmailStatusBadge status={email.status} />
          </div>
          <p className="text-muted-foreground">
            To {email.toAddresses.join(", ")}
            {email.ccAddresses.length ? `, cc ${email.ccAddresses.join(", ")}` : ""}
            {email.attachments.length ? ` · ${email.attachments.join(", ")}` : ""}
          </p>
          <p className="text-xs text-muted-foreground">
            <time dateTime={email.createdAt.toISOString()}>{formatDateTime(email.sentAt ?? email.createdAt)}</time>
            {email.error ? <span className="text-destructive"> · {email.error}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

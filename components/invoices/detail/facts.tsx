import type { ReactNode } from "react";
import type { Invoice } from "@/db/schema";
import { formatMoney } from "@/lib/money";
import { formatDate, formatDateTime } from "./format";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="contents">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** The dates and milestones of the invoice, beside the big "amount due". */
export function InvoiceFacts({ invoice }: { invoice: Invoice }) {
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-muted-foreground">Amount due</p>
        <p className="text-3xl font-semibold tabular-nums" data-testid="amount-due">
          {formatMoney(invoice.amountDue, invoice.currency)}
        </p>
      </div>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        <Fact label="Issued">{formatDate(invoice.issueDate)}</Fact>
        <Fact label="Due">{formatDate(invoice.dueDate)}</Fact>
        <Fact label="Currency">{invoice.currency}</Fact>
        {invoice.poNumber ? <Fact label="PO number">{invoice.poNumber}</Fact> : null}
        {invoice.finalizedAt ? <Fact label="Finalized">{formatDateTime(invoice.finalizedAt)}</Fact> : null}
        {invoice.sentAt ? <Fact label="Sent">{formatDateTime(invoice.sentAt)}</Fact> : null}
        {invoice.viewedAt ? (
          <Fact label="Viewed" testId="invoice-viewed">
            {formatDateTime(invoice.viewedAt)}
            {invoice.viewCount > 1 ? ` (${invoice.viewCount} views)` : null}
          </Fact>
        ) : null}
        {invoice.paidAt ? <Fact label="Paid">{formatDateTime(invoice.paidAt)}</Fact> : null}
        {invoice.uncollectibleAt ? <Fact label="Uncollectible">{formatDateTime(invoice.uncollectibleAt)}</Fact> : null}
        {invoice.voidedAt ? <Fact label="Voided">{formatDateTime(invoice.voidedAt)}</Fact> : null}
      </dl>
    </div>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { InvoiceStatusBadge } from "@/components/invoices/status-badge";
import type { InvoiceDetail } from "@/lib/invoices/detail-types";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";

/** Number (or "Draft invoice"), status, customer and total, with the action buttons beside them. */
export function InvoiceHeader({ detail, actions }: { detail: InvoiceDetail; actions: ReactNode }) {
  const { invoice, customer } = detail;
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className={cn("text-2xl font-semibold tracking-tight", invoice.number && "font-mono")} data-testid="invoice-number">
            {invoice.number ?? "Draft invoice"}
          </h1>
          <InvoiceStatusBadge status={detail.displayStatus} />
        </div>
        <p className="text-sm text-muted-foreground">
          <Link href={`/customers/${customer.id}`} className="font-medium text-foreground underline-offset-4 hover:underline" data-testid="invoice-customer">
            {customer.displayName}
          </Link>{" "}
          · {formatMoney(invoice.total, invoice.currency)}
          {invoice.status === "void" && invoice.voidReason ? <span> · Voided: {invoice.voidReason}</span> : null}
        </p>
      </div>
      {actions}
    </div>
  );
}

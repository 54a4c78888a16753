import type { ReactNode } from "react";
import { Separator } from "@/components/ui/separator";
import type { InvoiceDetail } from "@/lib/invoices/detail-types";
import { formatMoney } from "@/lib/money";
import { formatPercent } from "@/lib/tax-rates/percent";
import { cn } from "@/lib/utils";

function Row({ label, value, testId, strong, muted }: { label: ReactNode; value: string; testId?: string; strong?: boolean; muted?: boolean }) {
  return (
    <div className={cn("flex items-baseline justify-between gap-6", strong && "text-base font-semibold", muted && "text-muted-foreground")}>
      <dt>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/**
 * Subtotal → discount → each tax on what it was charged on → total, then what was applied to the
 * invoice and what is still due. Every figure is stored; nothing is recalculated here.
 */
export function InvoiceTotals({ detail }: { detail: Pick<InvoiceDetail, "invoice" | "taxBreakdown"> }) {
  const { invoice, taxBreakdown } = detail;
  const money = (minor: bigint) => formatMoney(minor, invoice.currency);
  return (
    <dl className="ml-auto w-full max-w-sm space-y-1.5 text-sm" data-testid="invoice-totals">
      <Row label="Subtotal" value={money(invoice.subtotal)} testId="invoice-subtotal" />
      {invoice.discountTotal > 0n ? <Row label="Discount" value={`−${money(invoice.discountTotal)}`} testId="invoice-discount" /> : null}
      {taxBreakdown.map((tax) => (
        <Row
          key={tax.taxRateId}
          label={
            <>
              {tax.name} {formatPercent(tax.percent)}%{tax.compound ? " (compound)" : ""}
              <span className="text-muted-foreground"> on {money(tax.taxable)}</span>
            </>
          }
          value={money(tax.amount)}
          testId="invoice-tax-row"
        />
      ))}
      {taxBreakdown.length === 0 ? <Row label="Tax" value={money(invoice.taxTotal)} muted /> : null}
      <Separator className="my-2" />
      <Row label="Total" value={money(invoice.total)} testId="invoice-total" strong />
      {invoice.amountCredited > 0n ? <Row label="Credited" value={`−${money(invoice.amountCredited)}`} testId="invoice-amount-credited" /> : null}
      {invoice.amountPaid > 0n ? <Row label="Paid" value={`−${money(invoice.amountPaid)}`} testId="invoice-amount-paid" /> : null}
      <Row label="Amount due" value={money(invoice.amountDue)} testId="invoice-amount-due" strong />
    </dl>
  );
}

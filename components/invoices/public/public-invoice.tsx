import { Download, Eye } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { PublicInvoiceView } from "@/lib/invoices/public-view";
import { STATUS_LABELS } from "@/lib/invoices/status";
import { billTo } from "@/lib/pdf/bill-to";
import { invoiceMeta, invoiceNotes, isPayable } from "@/lib/pdf/invoice-model";
import { InvoiceLines } from "./invoice-lines";
import { InvoiceTotals } from "./invoice-totals";
import { StatusBanner } from "./status-banner";

const BADGE: Partial<Record<keyof typeof STATUS_LABELS, "success" | "destructive" | "secondary">> = {
  paid: "success",
  overdue: "destructive",
  void: "secondary",
  uncollectible: "secondary",
};

function Lines({ lines, className }: { lines: string[]; className?: string }) {
  return (
    <>
      {lines.map((line, index) => (
        <p key={index} className={className}>
          {line}
        </p>
      ))}
    </>
  );
}

/** The invoice as its customer sees it: who billed whom, the lines, the totals; `payment` is the pay panel. */
export function PublicInvoice({ view, payment }: { view: PublicInvoiceView; payment?: ReactNode }) {
  const { detail, company } = view;
  const { invoice } = detail;
  const customer = billTo(detail.customer, "Bill to");
  const notes = invoiceNotes(detail).filter((block) => block.text);
  const companyContact = [company.email, company.phone, company.taxId ? `Tax ID: ${company.taxId}` : null].filter((line): line is string => Boolean(line));

  return (
    <main className="mx-auto max-w-4xl space-y-4 px-4 py-8">
      {view.staffPreview ? (
        <p data-testid="staff-preview" className="flex items-center gap-2 rounded-md border border-dashed px-3 py-2 text-xs text-muted-foreground">
          <Eye className="size-3.5" />
          Staff preview — not counted as a customer view.
        </p>
      ) : null}
      <StatusBanner invoice={invoice} status={detail.displayStatus} />
      {payment}
      <Card>
        <CardContent className="space-y-8">
          <header className="flex flex-wrap items-start justify-between gap-6">
            <div className="space-y-0.5 text-sm">
              {company.legalName ? <p className="text-lg font-semibold">{company.legalName}</p> : null}
              <Lines lines={[...company.addressLines, ...companyContact]} className="text-muted-foreground" />
            </div>
            <div className="space-y-1 text-right">
              <p className="text-xs font-medium uppercase tracking-widest text-muted-foreground">Invoice</p>
              <h1 className="text-2xl font-semibold tracking-tight" data-testid="public-invoice-number">
                {invoice.number}
              </h1>
              <Badge variant={BADGE[detail.displayStatus] ?? "default"} data-status={detail.displayStatus}>
                {STATUS_LABELS[detail.displayStatus]}
              </Badge>
            </div>
          </header>

          <section className="flex flex-wrap justify-between gap-6 text-sm">
            <div className="space-y-0.5">
              <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{customer.heading}</p>
              <p className="font-medium" data-testid="public-invoice-customer">
                {customer.name}
              </p>
              <Lines lines={customer.lines} className="text-muted-foreground" />
            </div>
            <dl className="grid grid-cols-[auto_auto] gap-x-6 gap-y-1">
              {invoiceMeta(detail).map((item) => (
                <div key={item.label} className="contents">
                  <dt className="text-muted-foreground">{item.label}</dt>
                  <dd className="text-right font-medium tabular-nums">{item.value}</dd>
                </div>
              ))}
            </dl>
          </section>

          <InvoiceLines detail={detail} />
          <InvoiceTotals detail={detail} />

          {notes.length ? (
            <section className="space-y-3 text-sm">
              {notes.map((block, index) => (
                <div key={index}>
                  {block.heading ? <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{block.heading}</p> : null}
                  <p className="whitespace-pre-wrap">{block.text}</p>
                </div>
              ))}
            </section>
          ) : null}
        </CardContent>
      </Card>

      <div className="flex flex-wrap items-start justify-between gap-4">
        {isPayable(detail) && view.paymentInstructions.length ? (
          <section className="max-w-xl space-y-1 text-sm" data-testid="payment-instructions">
            <h2 className="font-semibold">How to pay</h2>
            <Lines lines={view.paymentInstructions} className="text-muted-foreground" />
          </section>
        ) : (
          <span />
        )}
        <a href={view.pdfPath} className={buttonVariants({ variant: "outline" })} data-testid="download-pdf">
          <Download />
          Download PDF
        </a>
      </div>
    </main>
  );
}

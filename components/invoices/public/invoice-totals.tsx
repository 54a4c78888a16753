import type { InvoiceDetail } from "@/lib/invoices/detail-types";
import { invoiceTaxRows, invoiceTotals } from "@/lib/pdf/invoice-model";
import { cn } from "@/lib/utils";

/** Tax per rate on one side, subtotal → amount due on the other (the PDF's figures and wording). */
export function InvoiceTotals({ detail }: { detail: InvoiceDetail }) {
  const taxRows = invoiceTaxRows(detail);
  const totals = invoiceTotals(detail);
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <div>
        {taxRows.length ? (
          <table className="w-full text-sm" data-testid="public-invoice-taxes">
            <caption className="mb-1 text-left text-xs font-medium uppercase tracking-wide text-muted-foreground">Tax summary</caption>
            <thead>
              <tr className="text-muted-foreground">
                <th className="py-1 text-left font-normal">Rate</th>
                <th className="py-1 text-right font-normal">Taxable</th>
                <th className="py-1 text-right font-normal">Tax</th>
              </tr>
            </thead>
            <tbody>
              {taxRows.map((row) => (
                <tr key={row.label}>
                  <td className="py-0.5">{row.label}</td>
                  <td className="py-0.5 text-right tabular-nums">{row.taxable}</td>
                  <td className="py-0.5 text-right tabular-nums">{row.amount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      <dl className="text-sm" data-testid="public-invoice-totals">
        {totals.map((row) => (
          <div
            key={row.label}
            className={cn(
              "flex justify-between gap-4 py-1",
              row.kind === "total" && "border-t font-semibold",
              row.kind === "due" && "mt-1 rounded-md bg-primary px-2 text-base font-semibold text-primary-foreground",
            )}
          >
            <dt>{row.label}</dt>
            <dd className="tabular-nums" data-testid={row.kind === "due" ? "public-invoice-amount-due" : undefined}>
              {row.value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

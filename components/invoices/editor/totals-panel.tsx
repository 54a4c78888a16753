"use client";

import { useMemo } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { EditorTaxRate } from "@/lib/invoices/editor-options";
import type { InvoiceDraftFormValues } from "@/lib/invoices/schemas";
import { formatMoney, percentToDecimalString } from "@/lib/money";
import { liveTotals } from "./live-totals";

/**
 * The totals as the lines stand, computed in the browser by the same calculateInvoice the server
 * stores with. Lines whose text does not parse yet are left out, and the panel says which.
 */
export function TotalsPanel({ rates }: { rates: readonly EditorTaxRate[] }) {
  const { control } = useFormContext<InvoiceDraftFormValues>();
  const [currency, lines, discountKind, discountValue] = useWatch({ control, name: ["currency", "lines", "discountKind", "discountValue"] });
  const totals = useMemo(() => liveTotals({ currency, lines, discountKind, discountValue }, rates), [currency, lines, discountKind, discountValue, rates]);
  const byId = useMemo(() => new Map(rates.map((rate) => [rate.id, rate])), [rates]);
  const { calculation } = totals;
  const money = (minor: bigint | undefined) => (calculation && minor !== undefined ? formatMoney(minor, calculation.currency) : "—");

  return (
    <section aria-labelledby="invoice-totals-heading" className="space-y-2 rounded-md border p-4" data-testid="totals-panel">
      <h2 id="invoice-totals-heading" className="text-base font-semibold">
        Totals
      </h2>
      <dl className="space-y-1 text-sm">
        <Row label="Subtotal" value={money(calculation?.subtotal)} testId="totals-subtotal" />
        {calculation && calculation.documentDiscount > 0n ? (
          <Row label="Discount" value={`−${money(calculation.documentDiscount)}`} testId="totals-discount" />
        ) : null}
        {calculation?.taxBreakdown.map((row) => (
          <Row
            key={row.id}
            label={`${row.name}${byId.get(row.id)?.compound ? " (compound)" : ""} · ${percentToDecimalString(row.percent)}% on ${money(row.taxable)}`}
            value={money(row.amount)}
            testId="totals-tax-row"
          />
        ))}
        <Row label="Tax" value={money(calculation?.tax)} testId="totals-tax" />
        <div className="flex justify-between border-t pt-2 text-base font-semibold">
          <dt>Total</dt>
          <dd className="tabular-nums" data-testid="totals-total">
            {money(calculation?.total)}
          </dd>
        </div>
      </dl>
      {totals.uncounted.length ? (
        <p className="text-xs text-muted-foreground" data-testid="totals-uncounted">
          Not counted yet: {totals.uncounted.map((index) => `line ${index + 1}`).join(", ")}; complete the quantity, price and discount to include{" "}
          {totals.uncounted.length === 1 ? "it" : "them"}.
        </p>
      ) : null}
      {totals.discountError ? (
        <p className="text-xs text-destructive" data-testid="totals-discount-error">
          Discount left out: {totals.discountError}
        </p>
      ) : null}
    </section>
  );
}

function Row({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex justify-between gap-4" data-testid={testId}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

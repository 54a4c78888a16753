"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatMoney, minorToDecimalString } from "@/lib/money";
import type { PayPanelMethod, PayPanelProps } from "@/lib/payment-methods/pay-panel";
import { chooseAmount, type AmountChoice } from "./amount-choice";
import { MethodDetails } from "./method-details";
import { StripePayForm } from "./stripe-pay-form";

// Split out of the page's first load: the "I have paid" form brings the form library and its zod
// schemas, the PayPal button its SDK wrapper. Both still render on the server; their code arrives
// after the rest of the page is interactive.
const ManualPaymentForm = dynamic(() => import("./manual-payment-form").then((module) => module.ManualPaymentForm));
const PayPalPayButton = dynamic(() => import("./paypal-button").then((module) => module.PayPalPayButton));

function MethodBlock({ method, props, choice }: { method: PayPanelMethod; props: PayPanelProps; choice: AmountChoice }) {
  const { token, invoice, paypal } = props;
  const due = BigInt(invoice.amountDue);
  return (
    <section className="space-y-3 rounded-lg border p-4" data-testid={`pay-method-${method.method}`} data-config-id={method.id}>
      <h3 className="font-medium">{method.displayName}</h3>
      {method.kind === "stripe" || method.kind === "paypal" ? (
        <>
          {method.instructions ? <p className="whitespace-pre-line text-sm text-muted-foreground">{method.instructions}</p> : null}
          {!choice.ok ? null : method.kind === "stripe" ? (
            <StripePayForm token={token} amount={choice.minor} currency={invoice.currency} />
          ) : (
            <PayPalPayButton token={token} amount={choice.minor.toString()} currency={invoice.currency} clientId={paypal.clientId} fake={paypal.fake} />
          )}
        </>
      ) : (
        <MethodDetails method={method} />
      )}
      {method.kind === "manual" ? (
        <ManualPaymentForm
          token={token}
          methodConfigId={method.id}
          currency={invoice.currency}
          amount={minorToDecimalString(due, invoice.currency)}
          amountEditable={invoice.allowPartialPayment}
        />
      ) : null}
    </section>
  );
}

/** How to pay this invoice: the methods offered to this customer, in the admin's order. */
export function PayPanel(props: PayPanelProps) {
  const { invoice, methods } = props;
  const due = BigInt(invoice.amountDue);
  const [amountText, setAmountText] = useState(() => minorToDecimalString(due, invoice.currency));
  const choice: AmountChoice = invoice.allowPartialPayment ? chooseAmount(amountText, invoice.currency, due) : { ok: true, minor: due };
  const online = methods.some((method) => method.kind === "stripe" || method.kind === "paypal");

  return (
    <Card data-testid="pay-panel">
      <CardHeader>
        <CardTitle>Pay {invoice.number}</CardTitle>
        <CardDescription>
          Amount due: <span className="font-medium tabular-nums">{formatMoney(due, invoice.currency)}</span>
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {methods.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="pay-no-methods">
            Online payment is not available for this invoice. Use the payment details on the invoice, or contact us.
          </p>
        ) : null}
        {invoice.allowPartialPayment && online ? (
          <div className="max-w-xs space-y-1.5">
            <Label htmlFor="pay-amount">Amount to pay now ({invoice.currency})</Label>
            <Input id="pay-amount" inputMode="decimal" value={amountText} onChange={(event) => setAmountText(event.target.value)} aria-invalid={!choice.ok} data-testid="pay-amount" />
            {choice.ok ? (
              <p className="text-sm text-muted-foreground">You can pay part now and the rest later.</p>
            ) : (
              <p className="text-sm text-destructive" data-testid="pay-amount-error">
                {choice.error}
              </p>
            )}
          </div>
        ) : null}
        {methods.map((method) => (
          <MethodBlock key={method.id} method={method} props={props} choice={choice} />
        ))}
      </CardContent>
    </Card>
  );
}

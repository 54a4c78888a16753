import type { PayPanelMethod } from "@/lib/payment-methods/pay-panel";

function Detail({ label, value, testId }: { label: string; value: string | undefined; testId?: string }) {
  if (!value) return null;
  return (
    <div className="contents">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-mono select-all" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** The instructions, and where to send the money with which reference. */
export function MethodDetails({ method }: { method: PayPanelMethod }) {
  const bank = method.bankDetails;
  const wallet = method.walletDetails;
  return (
    <div className="space-y-3 text-sm">
      {method.instructions ? <p className="whitespace-pre-line">{method.instructions}</p> : null}
      {bank || wallet ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="pay-method-details">
          <Detail label="Bank" value={bank?.bankName} />
          <Detail label="Account name" value={bank?.accountName} />
          <Detail label="Account number / IBAN" value={bank?.accountNumber} />
          <Detail label="SWIFT / BIC" value={bank?.swiftBic} />
          <Detail label="Provider" value={wallet?.provider} />
          <Detail label="Paybill" value={wallet?.paybill} />
          <Detail label="Till" value={wallet?.till} />
          {method.kind === "manual" ? <Detail label={wallet ? "Account number" : "Reference"} value={method.accountReference} testId="pay-account-reference" /> : null}
        </dl>
      ) : null}
    </div>
  );
}

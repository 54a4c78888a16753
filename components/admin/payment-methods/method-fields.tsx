"use client";

import type { UseFormReturn } from "react-hook-form";
import { TextField } from "@/components/forms/text-field";
import type { PaymentMethodFormValues } from "@/lib/payment-methods/schemas";

type Form = UseFormReturn<PaymentMethodFormValues>;

/** Where customers send a bank transfer; shown on the public page. */
export function BankFields({ form }: { form: Form }) {
  return (
    <fieldset className="grid gap-3 rounded-md border p-3 sm:grid-cols-2">
      <legend className="px-1 text-sm font-medium">Bank details</legend>
      <TextField control={form.control} name="bankAccountName" label="Account name" data-testid="pm-bank-account-name" />
      <TextField control={form.control} name="bankAccountNumber" label="Account number or IBAN" data-testid="pm-bank-account-number" />
      <TextField control={form.control} name="bankName" label="Bank name" data-testid="pm-bank-name" />
      <TextField control={form.control} name="bankSwiftBic" label="SWIFT / BIC" className="uppercase" data-testid="pm-bank-swift" />
    </fieldset>
  );
}

/** A mobile-money paybill or till, and what the customer types as the account reference. */
export function WalletFields({ form }: { form: Form }) {
  return (
    <fieldset className="grid gap-3 rounded-md border p-3 sm:grid-cols-2">
      <legend className="px-1 text-sm font-medium">Wallet details</legend>
      <TextField control={form.control} name="walletProvider" label="Provider" placeholder="M-Pesa" data-testid="pm-wallet-provider" />
      <TextField control={form.control} name="walletPaybill" label="Paybill" inputMode="numeric" data-testid="pm-wallet-paybill" />
      <TextField control={form.control} name="walletTill" label="Till (optional)" inputMode="numeric" data-testid="pm-wallet-till" />
      <TextField
        control={form.control}
        name="walletAccountReferenceRule"
        label="Account reference"
        placeholder="{invoice}"
        description="{invoice} and {customer} become the invoice and customer numbers."
        data-testid="pm-wallet-reference-rule"
      />
    </fieldset>
  );
}

/** Optional min/max amount due for offering the method, in one currency. */
export function LimitFields({ form }: { form: Form }) {
  return (
    <fieldset className="grid gap-3 rounded-md border p-3 sm:grid-cols-3">
      <legend className="px-1 text-sm font-medium">Limits (optional)</legend>
      <TextField control={form.control} name="limitsCurrency" label="Currency" maxLength={3} className="uppercase" placeholder="KES" data-testid="pm-limits-currency" />
      <TextField control={form.control} name="minAmount" label="Minimum" inputMode="decimal" data-testid="pm-min-amount" />
      <TextField control={form.control} name="maxAmount" label="Maximum" inputMode="decimal" data-testid="pm-max-amount" />
      <p className="text-sm text-muted-foreground sm:col-span-3">Only invoices in this currency are limited; others are offered the method whatever their amount.</p>
    </fieldset>
  );
}

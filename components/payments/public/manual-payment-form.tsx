"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CheckCircle2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { manualSubmissionFields, type ManualSubmissionFormValues } from "@/lib/payment-methods/submission-schemas";
import { submitManualPaymentAction } from "@/app/i/[token]/actions";

interface Props {
  token: string;
  methodConfigId: string;
  currency: string;
  /** the amount to pay as text, e.g. "1250.00" */
  amount: string;
  /** the amount can be changed (partial payments allowed) */
  amountEditable: boolean;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "I have paid": the customer tells us about a transfer; staff confirm it when the money arrives. */
export function ManualPaymentForm({ token, methodConfigId, currency, amount, amountEditable }: Props) {
  const [submitted, setSubmitted] = useState<string | null>(null);
  const form = useForm<ManualSubmissionFormValues>({
    resolver: zodResolver(manualSubmissionFields, undefined, { raw: true }),
    defaultValues: { methodConfigId, reference: "", paidOn: today(), amount },
  });

  async function onSubmit() {
    const result = await submitManualPaymentAction({ ...form.getValues(), token });
    const data = applyActionResult(form, result);
    if (data) setSubmitted(data.number);
  }

  if (submitted) {
    return (
      <p className="flex items-center gap-2 rounded-md border border-emerald-600/30 bg-emerald-50 p-3 text-sm dark:bg-emerald-950/30" data-testid="manual-submitted">
        <CheckCircle2 className="size-4 text-emerald-600" />
        Thanks — we&apos;ll confirm your payment once it reaches us. We&apos;ll email you either way.
      </p>
    );
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-3 rounded-md border p-3" data-testid="manual-payment-form">
        <p className="text-sm font-medium">Already paid? Tell us so we can confirm it.</p>
        <FormError message={form.formState.errors.root?.message ?? form.formState.errors.methodConfigId?.message} />
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField control={form.control} name="reference" label="Payment reference" placeholder="Transaction code" data-testid="manual-reference" />
          <TextField control={form.control} name="paidOn" label="Date paid" type="date" max={today()} data-testid="manual-paid-on" />
          <TextField
            control={form.control}
            name="amount"
            label={`Amount (${currency})`}
            inputMode="decimal"
            readOnly={!amountEditable}
            data-testid="manual-amount"
          />
        </div>
        <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting} data-testid="manual-submit">
          {form.formState.isSubmitting ? "Sending…" : "I have paid"}
        </Button>
      </form>
    </Form>
  );
}

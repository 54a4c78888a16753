"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { WalletCards } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyCreditAction } from "@/app/(staff)/invoices/[id]/payment-actions";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { formatMoney, minorToDecimalString } from "@/lib/money";
import { applyCreditSchema, type ApplyCreditFormValues } from "@/lib/payments/schemas";

interface Props {
  invoice: { id: string; label: string; customerId: string; currency: string; amountDue: bigint };
  /** the customer's unallocated credit in the invoice's currency */
  credit: bigint;
}

/** Pays the invoice (or part of it) from money the customer already has with us. */
export function ApplyCreditDialog({ invoice, credit }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const money = (minor: bigint) => formatMoney(minor, invoice.currency);
  const blank = (): ApplyCreditFormValues => ({
    customerId: invoice.customerId,
    invoiceId: invoice.id,
    currency: invoice.currency,
    amount: minorToDecimalString(credit < invoice.amountDue ? credit : invoice.amountDue, invoice.currency),
  });
  const form = useForm<ApplyCreditFormValues>({ resolver: zodResolver(applyCreditSchema, undefined, { raw: true }), defaultValues: blank() });

  function change(next: boolean) {
    if (next) form.reset(blank());
    setOpen(next);
  }

  async function onSubmit() {
    const result = await applyCreditAction(form.getValues());
    if (applyActionResult(form, result, `Customer credit applied to ${invoice.label}.`) === undefined) return;
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="apply-credit">
          <WalletCards />
          Apply credit
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Apply customer credit</DialogTitle>
          <DialogDescription>
            The customer has {money(credit)} of credit; {invoice.label} owes {money(invoice.amountDue)}. The oldest credit is used first.
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" data-testid="apply-credit-form">
            <FormError message={form.formState.errors.root?.message} />
            <TextField control={form.control} name="amount" label={`Amount (${invoice.currency})`} inputMode="decimal" autoComplete="off" autoFocus />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => change(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Applying…" : "Apply credit"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

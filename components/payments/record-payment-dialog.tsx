"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Banknote } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { recordPaymentAction, suggestAllocationsAction } from "@/app/(staff)/invoices/[id]/payment-actions";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { applyActionResult } from "@/components/forms/submit-action";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { formatMoney, minorToDecimalString } from "@/lib/money";
import type { AllocationSuggestion } from "@/lib/payments/record";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, recordPaymentSchema, type RecordPaymentFormValues } from "@/lib/payments/schemas";
import { suggestionRows } from "./allocation-math";
import { AllocationSummary } from "./allocation-summary";
import { AllocationTable } from "./allocation-table";

interface Props {
  invoice: { id: string; label: string; customerId: string; currency: string; amountDue: bigint };
}

const METHOD_OPTIONS = PAYMENT_METHODS.map((method) => ({ value: method, label: PAYMENT_METHOD_LABELS[method] }));

// the person's calendar day: the money arrived where they are
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/**
 * Money received from the customer, spread over their open invoices in this currency. The amounts
 * start as the server's oldest-first suggestion and stay editable; once edited, a new payment
 * amount no longer re-spreads them (the "Spread oldest first" button does, on request).
 */
export function RecordPaymentDialog({ invoice }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [openInvoices, setOpenInvoices] = useState<AllocationSuggestion[]>([]);
  const edited = useRef(false);
  const request = useRef(0);
  const blank = (): RecordPaymentFormValues => ({
    customerId: invoice.customerId,
    currency: invoice.currency,
    amount: minorToDecimalString(invoice.amountDue, invoice.currency),
    method: "bank_transfer",
    reference: "",
    note: "",
    receivedOn: localToday(),
    allocations: [],
    keepExcessAsCredit: false,
  });
  const form = useForm<RecordPaymentFormValues>({ resolver: zodResolver(recordPaymentSchema, undefined, { raw: true }), defaultValues: blank() });
  const [amount, rows, keepExcess] = useWatch({ control: form.control, name: ["amount", "allocations", "keepExcessAsCredit"] });

  async function suggest(forAmount: string) {
    const mine = ++request.current;
    const result = await suggestAllocationsAction({ customerId: invoice.customerId, currency: invoice.currency, amount: forAmount });
    if (mine !== request.current) return; // a newer request is on its way
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    edited.current = false;
    setOpenInvoices(result.data);
    form.setValue("allocations", suggestionRows(result.data, invoice.currency));
  }

  function change(next: boolean) {
    setOpen(next);
    if (!next) return;
    const values = blank();
    form.reset(values);
    setOpenInvoices([]);
    void suggest(values.amount);
  }

  async function onSubmit() {
    const result = await recordPaymentAction(form.getValues());
    const saved = applyActionResult(form, result);
    if (!saved) return;
    const credit = saved.unallocated > 0n ? ` ${formatMoney(saved.unallocated, invoice.currency)} kept as customer credit.` : "";
    toast.success(`Payment ${saved.number} recorded.${credit}`);
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild>
        <Button data-testid="record-payment">
          <Banknote />
          Record payment
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Record a payment</DialogTitle>
          <DialogDescription>Money received for {invoice.label} or the customer&apos;s other open invoices in {invoice.currency}.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" data-testid="record-payment-form">
            <FormError message={form.formState.errors.root?.message} />
            <div className="grid gap-4 sm:grid-cols-3">
              <FormField
                control={form.control}
                name="amount"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Amount ({invoice.currency})</FormLabel>
                    <FormControl>
                      <Input
                        {...field}
                        onBlur={() => {
                          field.onBlur();
                          // a new amount re-spreads the suggestion until the person edits the table
                          if (!edited.current) void suggest(field.value);
                        }}
                        inputMode="decimal"
                        autoComplete="off"
                        autoFocus
                      />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <TextField control={form.control} name="receivedOn" label="Date received" type="date" />
              <SelectField control={form.control} name="method" label="Method" options={METHOD_OPTIONS} />
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField control={form.control} name="reference" label="Reference" maxLength={100} placeholder="Bank or M-Pesa reference" autoComplete="off" />
              <TextField control={form.control} name="note" label="Note" maxLength={2000} placeholder="Optional" autoComplete="off" />
            </div>
            <div className="space-y-2">
              <div className="flex items-center justify-between gap-2">
                <h3 className="text-sm font-medium">Apply to invoices</h3>
                <Button type="button" variant="ghost" size="sm" onClick={() => void suggest(form.getValues("amount"))}>
                  Spread oldest first
                </Button>
              </div>
              <AllocationTable
                control={form.control}
                invoices={openInvoices}
                currency={invoice.currency}
                currentInvoiceId={invoice.id}
                onEdit={() => (edited.current = true)}
              />
              <AllocationSummary
                control={form.control}
                amount={amount}
                rows={rows}
                currency={invoice.currency}
                keepExcess={keepExcess}
              />
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => change(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting} data-testid="save-payment">
                {form.formState.isSubmitting ? "Recording…" : "Record payment"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { FileMinus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { createCreditNoteAction } from "@/app/(staff)/invoices/[id]/credit-note-actions";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import type { CreditableLine } from "@/lib/credit-notes/queries";
import { createCreditNoteSchema, type CreateCreditNoteFormValues } from "@/lib/credit-notes/schemas";
import { formatMoney } from "@/lib/money";
import { formatQuantity } from "@/lib/quantity";
import { previewTotal, typedQuantity } from "./credit-math";
import { CreditLinesTable } from "./credit-lines-table";
import { ExcessChoice } from "./excess-choice";
import { ScopeChoice } from "./scope-choice";

interface Props {
  invoice: { id: string; label: string; currency: string; amountDue: bigint };
  lines: CreditableLine[];
}

/**
 * Credits a finalized invoice, whole or by line quantities. The total is previewed exactly; when
 * it is more than the invoice still owes (it was paid), the person chooses what happens to the rest.
 */
export function CreditNoteDialog({ invoice, lines }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const blank = (): CreateCreditNoteFormValues => ({
    invoiceId: invoice.id,
    reason: "",
    scope: "all",
    lines: lines.map((line) => ({ invoiceLineId: line.id, quantity: "" })),
    excess: "credit",
    refundMethod: "",
  });
  const form = useForm<CreateCreditNoteFormValues>({ resolver: zodResolver(createCreditNoteSchema, undefined, { raw: true }), defaultValues: blank() });
  const [scope, typed, excess] = useWatch({ control: form.control, name: ["scope", "lines", "excess"] });
  const total = previewTotal(lines, scope, typed);
  const excessAmount = total > invoice.amountDue ? total - invoice.amountDue : 0n;
  const money = (minor: bigint) => formatMoney(minor, invoice.currency);

  function change(next: boolean) {
    if (next) form.reset(blank());
    setOpen(next);
  }

  // the schema cannot know what is left on each line; say so before the server does
  function overCredited(values: CreateCreditNoteFormValues): boolean {
    if (values.scope === "all") return false;
    let over = false;
    values.lines.forEach((row, index) => {
      const line = lines[index];
      const quantity = typedQuantity(row.quantity);
      if (!line || quantity === null || quantity <= line.remainingQuantity) return;
      form.setError(`lines.${index}.quantity`, { type: "max", message: `Only ${formatQuantity(line.remainingQuantity)} left to credit.` });
      over = true;
    });
    return over;
  }

  async function onSubmit() {
    const values = form.getValues();
    if (overCredited(values)) return;
    const result = await createCreditNoteAction(values);
    const saved = applyActionResult(form, result, result.ok ? `Credit note ${result.data.number} issued.` : undefined);
    if (!saved) return;
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="issue-credit-note">
          <FileMinus />
          Issue credit note
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Credit note for {invoice.label}</DialogTitle>
          <DialogDescription>A finalized invoice is never edited: a credit note takes back all or part of it, with its own number.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" data-testid="credit-note-form">
            <FormError message={form.formState.errors.root?.message ?? form.formState.errors.lines?.message} />
            <ScopeChoice control={form.control} />
            {scope === "lines" ? <CreditLinesTable control={form.control} lines={lines} /> : null}
            <FormField
              control={form.control}
              name="reason"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Reason</FormLabel>
                  <FormControl>
                    <Textarea {...field} rows={2} maxLength={500} placeholder="Two hours billed twice" />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <div className="rounded-md bg-muted/50 p-3 text-sm">
              <p>
                Credit note total <strong className="tabular-nums" data-testid="credit-note-total">{money(total)}</strong>
                <span className="text-muted-foreground"> · the invoice owes {money(invoice.amountDue)}</span>
              </p>
              {excessAmount > 0n ? <p className="text-muted-foreground">{money(excessAmount)} is more than the invoice still owes.</p> : null}
            </div>
            {excessAmount > 0n ? <ExcessChoice control={form.control} excess={excess} amount={money(excessAmount)} /> : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => change(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting || total === 0n} data-testid="save-credit-note">
                {form.formState.isSubmitting ? "Issuing…" : "Issue credit note"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

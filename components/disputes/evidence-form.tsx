"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveDisputeEvidenceAction, submitDisputeEvidenceAction } from "@/app/(staff)/disputes/[id]/actions";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { disputeEvidenceSchema, MAX_EVIDENCE_CHARS } from "@/lib/disputes/schemas";

type Values = { disputeId: string; text: string };

/**
 * The evidence text: saved as a draft, then sent to Stripe once (after a confirm: Stripe takes a
 * single submission per dispute).
 */
export function DisputeEvidenceForm({ disputeId, initialText }: { disputeId: string; initialText: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(disputeEvidenceSchema), defaultValues: { disputeId, text: initialText } });

  async function save(values: Values) {
    const result = await saveDisputeEvidenceAction(values);
    if (applyActionResult(form, result, "Evidence saved.") !== undefined) router.refresh();
  }

  async function submit() {
    setConfirming(false);
    setSending(true);
    const result = await submitDisputeEvidenceAction(form.getValues());
    setSending(false);
    if (applyActionResult(form, result, "Evidence submitted to Stripe.") !== undefined) router.refresh();
  }

  const busy = form.formState.isSubmitting || sending;
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(save)} noValidate className="space-y-3" data-testid="dispute-evidence-form">
        <FormError message={form.formState.errors.root?.message} />
        <FormField
          control={form.control}
          name="text"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Evidence for the bank</FormLabel>
              <FormControl>
                <Textarea {...field} rows={8} maxLength={MAX_EVIDENCE_CHARS} placeholder="What was sold, when it was delivered, how the customer agreed to pay…" data-testid="dispute-evidence" />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="flex gap-2">
          <Button type="submit" variant="outline" size="sm" disabled={busy}>
            Save draft
          </Button>
          <Button type="button" size="sm" disabled={busy} data-testid="submit-evidence" onClick={form.handleSubmit(() => setConfirming(true))}>
            {sending ? "Submitting…" : "Submit to Stripe"}
          </Button>
        </div>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title="Submit this evidence to Stripe?"
          description="Stripe passes it to the customer's bank. You can submit only once; the text cannot be changed afterwards."
          confirmLabel="Submit evidence"
          onConfirm={() => void submit()}
        />
      </form>
    </Form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { addDisputeNoteAction } from "@/app/(staff)/disputes/[id]/actions";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { disputeNoteSchema } from "@/lib/disputes/schemas";

type Values = { disputeId: string; body: string };

/** A staff note on the case (calls made, what the customer said). */
export function DisputeNoteForm({ disputeId }: { disputeId: string }) {
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(disputeNoteSchema), defaultValues: { disputeId, body: "" } });

  async function onSubmit(values: Values) {
    const result = await addDisputeNoteAction(values);
    if (applyActionResult(form, result, "Note added.") === undefined) return;
    form.reset({ disputeId, body: "" });
    router.refresh();
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-3" data-testid="dispute-note-form">
        <FormError message={form.formState.errors.root?.message} />
        <FormField
          control={form.control}
          name="body"
          render={({ field }) => (
            <FormItem>
              <FormLabel>New note</FormLabel>
              <FormControl>
                <Textarea {...field} rows={3} maxLength={5000} placeholder="Called the customer; they recognise the charge." data-testid="dispute-note-body" />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Adding…" : "Add note"}
        </Button>
      </form>
    </Form>
  );
}

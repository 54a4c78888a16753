"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions";

interface Props {
  title: string;
  description: string;
  placeholder: string;
  submitLabel: string;
  successMessage: string;
  submit: (reason: string) => Promise<ActionResult<unknown>>;
  /** an element that opens the dialog, or control it with open/onOpenChange */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/**
 * A destructive change that needs a written reason (void an invoice, void a payment). The server
 * action validates the reason with its schema; its field error shows under the textarea.
 */
export function ReasonDialog({ title, description, placeholder, submitLabel, successMessage, submit, trigger, open: controlled, onOpenChange }: Props) {
  const router = useRouter();
  const [uncontrolled, setUncontrolled] = useState(false);
  const open = controlled ?? uncontrolled;
  const form = useForm<{ reason: string }>({ defaultValues: { reason: "" } });

  function setOpen(next: boolean) {
    if (next) form.reset({ reason: "" });
    setUncontrolled(next);
    onOpenChange?.(next);
  }

  async function onSubmit({ reason }: { reason: string }) {
    const result = await submit(reason);
    if (applyActionResult(form, result, successMessage) === undefined) return;
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" data-testid="reason-form">
            <FormError message={form.formState.errors.root?.message} />
            <FormField
              control={form.control}
              name="reason"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Reason</FormLabel>
                  <FormControl>
                    <Textarea {...field} rows={3} maxLength={500} placeholder={placeholder} autoFocus />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" variant="destructive" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Working…" : submitLabel}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { sendInvoiceAction } from "@/app/(staff)/invoices/[id]/send-actions";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogFooter } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Progress } from "@/components/ui/progress";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { SendDefaults } from "@/lib/invoices/send";
import { sendInvoiceFormSchema, type SendInvoiceFormValues, type SendKind } from "@/lib/invoices/send-schemas";

type Output = z.output<typeof sendInvoiceFormSchema>;
const FIELDS = ["to", "cc", "subject", "message"] as const;

interface Props {
  invoiceId: string;
  kind: SendKind;
  defaults: SendDefaults;
  onSent: () => void;
  onCancel: () => void;
}

/** Recipients, subject, message and the PDF toggle; the invoice's addresses on file are checkboxes. */
export function SendInvoiceForm({ invoiceId, kind, defaults, onSent, onCancel }: Props) {
  const form = useForm<SendInvoiceFormValues, unknown, Output>({
    resolver: zodResolver(sendInvoiceFormSchema),
    defaultValues: {
      invoiceId,
      kind,
      // the primary address is ticked; the secondary one is offered
      to: defaults.to.slice(0, 1),
      cc: "",
      subject: defaults.subject,
      message: defaults.message,
      attachPdf: defaults.attachPdf,
    },
  });

  function fail(message: string) {
    form.setError("root", { type: "server", message });
    toast.error(message);
  }

  // the action parses the form's own shape (cc as typed), so it gets the raw values
  async function onSubmit() {
    const result = await sendInvoiceAction(form.getValues());
    if (!result.ok) {
      for (const field of FIELDS) {
        const message = result.fieldErrors?.[field]?.[0];
        if (message) form.setError(field, { type: "server", message });
      }
      return fail(result.error);
    }
    if (result.data.status === "failed") return fail("The email could not be delivered. It is in the outbox marked failed; try again in a moment.");
    toast.success(kind === "reminder" ? "Reminder sent." : `Invoice ${defaults.invoiceNumber} sent.`);
    onSent();
  }

  const pending = form.formState.isSubmitting;
  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
        <FormField
          control={form.control}
          name="to"
          render={({ field }) => (
            <FormItem>
              <FormLabel>To</FormLabel>
              {defaults.to.length === 0 ? (
                <FormDescription>{defaults.customerName} has no email address on file. Add one on the customer&apos;s page first.</FormDescription>
              ) : (
                defaults.to.map((address) => (
                  <label key={address} className="flex items-center gap-2 text-sm">
                    <Checkbox
                      checked={field.value.includes(address)}
                      onCheckedChange={(checked) => field.onChange(checked ? [...field.value, address] : field.value.filter((value) => value !== address))}
                      disabled={pending}
                      data-testid="send-recipient"
                    />
                    {address}
                  </label>
                ))
              )}
              <FormMessage />
            </FormItem>
          )}
        />
        <TextField control={form.control} name="cc" label="Cc (optional)" placeholder="accounts@example.com, boss@example.com" description="Separate addresses with commas." autoComplete="off" disabled={pending} />
        <TextField control={form.control} name="subject" label="Subject" disabled={pending} />
        <FormField
          control={form.control}
          name="message"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Message</FormLabel>
              <FormControl>
                <Textarea {...field} rows={8} disabled={pending} />
              </FormControl>
              <FormDescription>The email adds the amount due, the due date and a button to the invoice.</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="attachPdf"
          render={({ field }) => (
            <FormItem className="flex items-center gap-3">
              <FormControl>
                <Switch checked={field.value} onCheckedChange={field.onChange} disabled={pending} data-testid="send-attach-pdf" />
              </FormControl>
              <FormLabel>Attach PDF</FormLabel>
            </FormItem>
          )}
        />
        <FormError message={form.formState.errors.root?.message} />
        {pending ? (
          <div className="space-y-1" role="status" aria-live="polite">
            <Progress value={form.getValues("attachPdf") ? 50 : 75} className="animate-pulse" />
            <p className="text-xs text-muted-foreground">{form.getValues("attachPdf") ? "Rendering the PDF and sending…" : "Sending…"}</p>
          </div>
        ) : null}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending || defaults.to.length === 0} data-testid="send-submit">
            {pending ? <Loader2 className="animate-spin" /> : null}
            {kind === "reminder" ? "Send reminder" : "Send"}
          </Button>
        </DialogFooter>
      </form>
    </Form>
  );
}

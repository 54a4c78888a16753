"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2 } from "lucide-react";
import { useForm } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions";
import { noteFormSchema, type NoteFormValues } from "@/lib/customers/note-schemas";

interface Props {
  label: string;
  initial?: string;
  submitLabel: string;
  successMessage: string;
  autoFocus?: boolean;
  save: (body: string) => Promise<ActionResult<unknown>>;
  onDone?: () => void;
  onCancel?: () => void;
}

/** Writes or edits one note. Ctrl/⌘+Enter saves (Enter alone is a new line); Esc cancels an edit. */
export function NoteEditor({ label, initial = "", submitLabel, successMessage, autoFocus, save, onDone, onCancel }: Props) {
  const form = useForm<NoteFormValues>({ resolver: zodResolver(noteFormSchema, undefined, { raw: true }), defaultValues: { body: initial } });

  async function onSubmit() {
    const result = await save(form.getValues("body"));
    if (applyActionResult(form, result, successMessage) === undefined) return;
    form.reset({ body: "" });
    onDone?.();
  }

  const pending = form.formState.isSubmitting;
  const submit = form.handleSubmit(onSubmit);
  return (
    <Form {...form}>
      <form onSubmit={submit} className="space-y-2" noValidate>
        <FormField
          control={form.control}
          name="body"
          render={({ field }) => (
            <FormItem>
              <FormLabel className={initial ? "sr-only" : undefined}>{label}</FormLabel>
              <FormControl>
                <Textarea
                  rows={3}
                  autoFocus={autoFocus}
                  {...field}
                  onKeyDown={(event) => {
                    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
                      event.preventDefault();
                      void submit();
                    } else if (event.key === "Escape" && onCancel) {
                      event.preventDefault();
                      onCancel();
                    }
                  }}
                />
              </FormControl>
              <FormDescription className="text-xs">Only staff see notes. Ctrl+Enter to save.</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormError message={form.formState.errors.root?.message} />
        <div className="flex gap-2">
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? <Loader2 className="animate-spin" /> : null}
            {submitLabel}
          </Button>
          {onCancel ? (
            <Button type="button" size="sm" variant="ghost" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          ) : null}
        </div>
      </form>
    </Form>
  );
}

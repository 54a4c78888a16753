"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/forms/form-error";
import { applyActionResult } from "@/components/forms/submit-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { savedViewNameSchema } from "@/lib/customers/list-params";
import { saveViewAction } from "@/app/(staff)/customers/views-actions";

const nameForm = z.object({ name: savedViewNameSchema });
type NameValues = z.input<typeof nameForm>;

/** Names the list's current filters; the server refuses a name the user already has. */
export function SaveViewDialog({ open, onOpenChange, query }: { open: boolean; onOpenChange: (open: boolean) => void; query: string }) {
  const form = useForm<NameValues>({ resolver: zodResolver(nameForm), defaultValues: { name: "" } });

  async function onSubmit(values: NameValues) {
    const result = await saveViewAction({ name: values.name, query });
    if (applyActionResult(form, result, `View "${values.name.trim()}" saved.`)) onOpenChange(false);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) form.reset({ name: "" });
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Save current view</DialogTitle>
          <DialogDescription>Keeps this search, its filters and sort under a name only you see.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4">
            <FormError message={form.formState.errors.root?.message} />
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input autoFocus placeholder="Kenya, suspended" maxLength={60} {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <p className="truncate font-mono text-xs text-muted-foreground" title={query}>
              {query ? `?${query}` : "All customers (no filters)"}
            </p>
            <DialogFooter>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? "Saving…" : "Save view"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

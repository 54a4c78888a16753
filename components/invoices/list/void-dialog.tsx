"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { bulkVoidReasonSchema } from "@/lib/invoices/bulk";

const reasonForm = z.object({ reason: bulkVoidReasonSchema });
type ReasonValues = z.input<typeof reasonForm>;

/** Asks once for the reason every voided invoice records; the bulk bar then runs the voids. */
export function BulkVoidDialog({
  open,
  onOpenChange,
  count,
  skipped,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  count: number;
  skipped: number;
  onConfirm: (reason: string) => void;
}) {
  const form = useForm<ReasonValues, unknown, z.output<typeof reasonForm>>({ resolver: zodResolver(reasonForm), defaultValues: { reason: "" } });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) form.reset({ reason: "" });
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            Void {count} {count === 1 ? "invoice" : "invoices"}?
          </DialogTitle>
          <DialogDescription>
            Each keeps its number but asks for nothing more. Invoices with payments are refused: refund or credit those first.
            {skipped ? ` ${skipped} other selected ${skipped === 1 ? "invoice cannot" : "invoices cannot"} be voided (drafts, paid or already void) and ${skipped === 1 ? "stays" : "stay"} as ${skipped === 1 ? "it is" : "they are"}.` : ""}
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            noValidate
            className="space-y-4"
            data-testid="bulk-void-form"
            onSubmit={form.handleSubmit(({ reason }) => {
              onOpenChange(false);
              onConfirm(reason);
            })}
          >
            <FormField
              control={form.control}
              name="reason"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Reason</FormLabel>
                  <FormControl>
                    <Textarea {...field} rows={3} maxLength={500} placeholder="Issued by mistake" autoFocus />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" variant="destructive">
                Void {count} {count === 1 ? "invoice" : "invoices"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircle, Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { refundPaymentAction } from "@/app/(staff)/payments/[id]/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { formatMoney, minorToDecimalString, parseMoney } from "@/lib/money";
import { REFUND_REASON_MAX, refundFormSchema, type RefundFormValues } from "./refund-schema";

interface Props {
  payment: { id: string; number: string; currency: string; gateway: string | null };
  refundable: bigint;
}

/**
 * Full or partial refund of a received payment. The amount starts at what can still be refunded;
 * the server re-checks it under the payment's lock, and its refusal shows here as it is.
 */
export function RefundDialog({ payment, refundable }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const blank = (): RefundFormValues => ({ amount: minorToDecimalString(refundable, payment.currency), reason: "" });
  const form = useForm<RefundFormValues>({ resolver: zodResolver(refundFormSchema), defaultValues: blank() });

  function changeOpen(next: boolean) {
    if (next) {
      form.reset(blank());
      setServerError(null);
    }
    setOpen(next);
  }

  async function onSubmit(values: RefundFormValues) {
    const parsed = parseMoney(values.amount, payment.currency);
    if (!parsed.ok) {
      form.setError("amount", { message: parsed.error });
      return;
    }
    setServerError(null);
    const result = await refundPaymentAction({ paymentId: payment.id, amount: values.amount, reason: values.reason });
    if (!result.ok) {
      setServerError(result.error);
      return;
    }
    toast.success(result.data.status === "succeeded" ? `Refunded ${formatMoney(parsed.minor, payment.currency)}.` : "Refund sent; waiting for the gateway to confirm it.");
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="refund-payment">
          <Undo2 />
          Refund
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Refund {payment.number}</DialogTitle>
          <DialogDescription>
            Up to <span data-testid="refundable-amount">{formatMoney(refundable, payment.currency)}</span> can be refunded.{" "}
            {payment.gateway ? "The money goes back through the gateway the customer paid with." : "Record money you paid back by hand; nothing is sent anywhere."}
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4" data-testid="refund-form">
            {serverError ? (
              <Alert variant="destructive" data-testid="refund-error">
                <AlertCircle />
                <AlertDescription>{serverError}</AlertDescription>
              </Alert>
            ) : null}
            <FormField
              control={form.control}
              name="amount"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Amount ({payment.currency})</FormLabel>
                  <FormControl>
                    <Input {...field} inputMode="decimal" autoComplete="off" data-testid="refund-amount" />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="reason"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Reason</FormLabel>
                  <FormControl>
                    <Textarea {...field} rows={3} maxLength={REFUND_REASON_MAX} placeholder="Customer returned the goods" data-testid="refund-reason" />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => changeOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" variant="destructive" disabled={form.formState.isSubmitting} data-testid="refund-submit">
                {form.formState.isSubmitting ? "Refunding…" : "Refund"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

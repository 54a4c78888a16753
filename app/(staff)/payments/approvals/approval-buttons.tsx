"use client";

import { Check, X } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { approveManualPaymentAction, rejectManualPaymentAction } from "./actions";

interface Props {
  paymentId: string;
  number: string;
  /** "KES 1,200.00 on INV-…": what the confirmation names */
  summary: string;
}

/** Approve (applies the money to the invoice) or reject with a reason; the customer is emailed either way. */
export function ApprovalButtons({ paymentId, number, summary }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function approve() {
    startTransition(async () => {
      const result = await approveManualPaymentAction({ paymentId });
      if (result.ok) toast.success(`${number} approved and applied.`);
      else toast.error(result.error);
    });
  }

  function reject() {
    if (!reason.trim()) {
      setReasonError("Say why the payment is rejected.");
      return;
    }
    startTransition(async () => {
      const result = await rejectManualPaymentAction({ paymentId, reason });
      if (result.ok) {
        toast.success(`${number} rejected.`);
        setRejecting(false);
      } else {
        setReasonError(result.fieldErrors?.reason?.[0] ?? result.error);
      }
    });
  }

  return (
    <div className="flex justify-end gap-2">
      <Button size="sm" disabled={pending} onClick={() => setConfirming(true)} data-testid="approve-payment">
        <Check />
        Approve
      </Button>
      <Button
        size="sm"
        variant="outline"
        disabled={pending}
        onClick={() => {
          setReason("");
          setReasonError(null);
          setRejecting(true);
        }}
        data-testid="reject-payment"
      >
        <X />
        Reject
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Approve ${number}?`}
        description={`Only approve once ${summary} has reached the account. It is applied to the invoice and the customer gets a receipt.`}
        confirmLabel="Approve"
        onConfirm={approve}
      />
      <Dialog open={rejecting} onOpenChange={setRejecting}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Reject {number}?</DialogTitle>
            <DialogDescription>The customer is emailed this reason. Nothing is applied to the invoice.</DialogDescription>
          </DialogHeader>
          <div className="space-y-1.5">
            <Label htmlFor={`reject-reason-${paymentId}`}>Reason</Label>
            <Textarea
              id={`reject-reason-${paymentId}`}
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={Boolean(reasonError)}
              data-testid="reject-reason"
            />
            {reasonError ? (
              <p className="text-sm text-destructive" data-testid="reject-reason-error">
                {reasonError}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button variant="destructive" disabled={pending} onClick={reject} data-testid="confirm-reject">
              {pending ? "Rejecting…" : "Reject payment"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

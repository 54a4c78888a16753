"use client";

import { Lock } from "lucide-react";
import { useState } from "react";
import { finalizeInvoiceAction } from "@/app/(staff)/invoices/[id]/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRunAction } from "./use-run-action";

export function FinalizeButton({ invoiceId }: { invoiceId: string }) {
  const [open, setOpen] = useState(false);
  const { run, pending } = useRunAction();
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={pending} data-testid="finalize-invoice">
        <Lock />
        {pending ? "Finalizing…" : "Finalize"}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Finalize this invoice?"
        description="It gets the next invoice number and its lines and amounts can no longer be edited. Changes after this are made with a credit note."
        confirmLabel="Finalize"
        onConfirm={() => run(() => finalizeInvoiceAction({ id: invoiceId }), (data) => `Finalized as ${data.number}.`)}
      />
    </>
  );
}

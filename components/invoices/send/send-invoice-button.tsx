"use client";

import { BellRing, Loader2, Send } from "lucide-react";
import { useState } from "react";
import { loadSendDefaultsAction } from "@/app/(staff)/invoices/[id]/send-actions";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { SendDefaults } from "@/lib/invoices/send";
import type { SendKind } from "@/lib/invoices/send-schemas";
import { SendInvoiceForm } from "./send-invoice-form";

type Loaded = { state: "idle" } | { state: "loading" } | { state: "ready"; defaults: SendDefaults } | { state: "error"; error: string };

const LABELS: Record<SendKind, { button: string; title: string }> = {
  send: { button: "Send invoice", title: "Send invoice" },
  reminder: { button: "Send reminder", title: "Send a payment reminder" },
};

/** Opens the send dialog, prefilled from the invoice (recipients on file, subject, message). */
export function SendInvoiceButton({ invoiceId, kind, disabled }: { invoiceId: string; kind: SendKind; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ state: "idle" });

  async function openDialog() {
    setOpen(true);
    setLoaded({ state: "loading" });
    const result = await loadSendDefaultsAction({ invoiceId, kind });
    setLoaded(result.ok ? { state: "ready", defaults: result.data } : { state: "error", error: result.error });
  }

  const Icon = kind === "reminder" ? BellRing : Send;
  return (
    <>
      <Button variant={kind === "reminder" ? "outline" : "default"} disabled={disabled} onClick={openDialog} data-testid={`${kind}-invoice-button`}>
        <Icon />
        {LABELS[kind].button}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="sm:max-w-xl">
          <DialogHeader>
            <DialogTitle>{LABELS[kind].title}</DialogTitle>
            <DialogDescription>
              {loaded.state === "ready"
                ? `Invoice ${loaded.defaults.invoiceNumber} to ${loaded.defaults.customerName}, with a link to view and pay it online.`
                : "The email carries a link to the invoice's public page."}
            </DialogDescription>
          </DialogHeader>
          {loaded.state === "loading" || loaded.state === "idle" ? (
            <p className="flex items-center gap-2 py-6 text-sm text-muted-foreground">
              <Loader2 className="size-4 animate-spin" />
              Loading…
            </p>
          ) : null}
          {loaded.state === "error" ? <FormError message={loaded.error} /> : null}
          {loaded.state === "ready" ? <SendInvoiceForm invoiceId={invoiceId} kind={kind} defaults={loaded.defaults} onSent={() => setOpen(false)} onCancel={() => setOpen(false)} /> : null}
        </DialogContent>
      </Dialog>
    </>
  );
}

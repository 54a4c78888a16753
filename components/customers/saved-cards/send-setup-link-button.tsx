"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { sendCardSetupLinkAction } from "@/app/(staff)/customers/[id]/saved-card-actions";
import { Button } from "@/components/ui/button";

/** Emails the customer a Stripe page where they save a card (we never see the number). */
export function SendSetupLinkButton({ customerId, disabled }: { customerId: string; disabled?: boolean }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      disabled={disabled || pending}
      data-testid="send-card-setup-link"
      onClick={() =>
        startTransition(async () => {
          const result = await sendCardSetupLinkAction({ customerId });
          if (result.ok) toast.success("Card setup link sent.");
          else toast.error(result.error);
        })
      }
    >
      {pending ? "Sending…" : "Send card setup link"}
    </Button>
  );
}

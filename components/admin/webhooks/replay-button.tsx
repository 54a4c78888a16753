"use client";

import { RotateCcw } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { replayWebhookEventAction } from "@/app/(admin)/admin/webhooks/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Replays one stored webhook event after a confirmation, and says how it went. */
export function ReplayWebhookButton({ id, eventId }: { id: string; eventId: string }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  function replay() {
    startTransition(async () => {
      const result = await replayWebhookEventAction({ id });
      if (result.ok) toast.success(`Event ${eventId} replayed: ${result.data.status}.`);
      else toast.error(result.error);
    });
  }
  return (
    <>
      <Button type="button" variant="outline" onClick={() => setOpen(true)} disabled={pending} data-testid="webhook-replay">
        <RotateCcw />
        {pending ? "Replaying…" : "Replay"}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Replay this event?"
        description="The stored payload is applied again. Payments, refunds and disputes already applied stay as they are; anything missed is applied now."
        confirmLabel="Replay"
        onConfirm={replay}
      />
    </>
  );
}

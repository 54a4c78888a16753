"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setAutopayAction } from "@/app/(staff)/customers/[id]/saved-card-actions";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";

/** Autopay: recurring billing charges the default saved card. Needs a saved card to turn on. */
export function AutopaySwitch({ customerId, initial, disabled }: { customerId: string; initial: boolean; disabled?: boolean }) {
  const [on, setOn] = useState(initial);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <Switch
        id="autopay"
        checked={on}
        disabled={disabled || pending}
        data-testid="autopay-switch"
        onCheckedChange={(next) =>
          startTransition(async () => {
            const result = await setAutopayAction({ customerId, on: next });
            if (result.ok) {
              setOn(result.data.on);
              toast.success(result.data.on ? "Autopay is on." : "Autopay is off.");
            } else toast.error(result.error);
          })
        }
      />
      <Label htmlFor="autopay">Autopay with the default saved card</Label>
    </div>
  );
}

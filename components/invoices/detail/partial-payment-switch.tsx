"use client";

import { setAllowPartialPaymentAction } from "@/app/(staff)/invoices/[id]/actions";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useRunAction } from "./use-run-action";

/** Lets the customer pay part of the amount due on the public page (full payment otherwise). */
export function PartialPaymentSwitch({ invoiceId, allowed, canChange }: { invoiceId: string; allowed: boolean; canChange: boolean }) {
  const { run, pending } = useRunAction();
  return (
    <div className="flex items-center justify-between gap-3">
      <Label htmlFor="allow-partial-payment" className="text-sm font-normal">
        Customer may pay part of the amount
      </Label>
      <Switch
        id="allow-partial-payment"
        data-testid="allow-partial-payment"
        checked={allowed}
        disabled={!canChange || pending}
        onCheckedChange={(allow) =>
          run(
            () => setAllowPartialPaymentAction({ id: invoiceId, allow }),
            (data) => (data.allow ? "The customer may now pay part of the amount." : "The customer must now pay in full."),
          )
        }
      />
    </div>
  );
}

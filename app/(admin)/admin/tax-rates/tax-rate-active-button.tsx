"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { setTaxRateActiveAction } from "./actions";

export function TaxRateActiveButton({ id, name, active }: { id: string; name: string; active: boolean }) {
  const [pending, startTransition] = useTransition();
  function toggle() {
    startTransition(async () => {
      const result = await setTaxRateActiveAction({ id, active: !active });
      if (result.ok) toast.success(active ? `${name} is deactivated.` : `${name} is active again.`);
      else toast.error(result.error);
    });
  }
  return (
    <Button type="button" variant="ghost" size="sm" onClick={toggle} disabled={pending}>
      {active ? "Deactivate" : "Activate"}
    </Button>
  );
}

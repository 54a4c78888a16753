"use client";

import type { Control } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { formatMoney } from "@/lib/money";
import type { RecordPaymentFormValues } from "@/lib/payments/schemas";
import { cn } from "@/lib/utils";
import { allocationTotals } from "./allocation-math";

interface Props {
  control: Control<RecordPaymentFormValues>;
  amount: string;
  rows: RecordPaymentFormValues["allocations"];
  currency: string;
  keepExcess: boolean;
}

/** "Allocated / unallocated" as the amounts are typed, and the choice to keep the rest as credit. */
export function AllocationSummary({ control, amount, rows, currency, keepExcess }: Props) {
  const { allocated, unallocated } = allocationTotals(amount, rows, currency);
  const money = (minor: bigint) => formatMoney(minor, currency);
  return (
    <div className="space-y-2 rounded-md bg-muted/50 p-3 text-sm">
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <span>
          Allocated <strong className="tabular-nums" data-testid="allocated-total">{money(allocated)}</strong>
        </span>
        <span className={cn(unallocated < 0n && "text-destructive")}>
          Unallocated <strong className="tabular-nums" data-testid="unallocated-total">{money(unallocated)}</strong>
        </span>
      </p>
      {unallocated < 0n ? <p className="text-destructive">The invoices get more than the payment. Lower an amount or raise the payment.</p> : null}
      {unallocated > 0n ? (
        <FormField
          control={control}
          name="keepExcessAsCredit"
          render={({ field }) => (
            <FormItem className="flex items-center gap-2">
              <FormControl>
                <Checkbox checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} data-testid="keep-as-credit" />
              </FormControl>
              <FormLabel className="font-normal">Keep the rest ({money(unallocated)}) as customer credit</FormLabel>
            </FormItem>
          )}
        />
      ) : null}
      {unallocated > 0n && !keepExcess ? <p className="text-muted-foreground">Without this, apply the whole payment to invoices or lower the amount.</p> : null}
    </div>
  );
}

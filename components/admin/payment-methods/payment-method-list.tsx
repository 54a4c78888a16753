"use client";

import { ArrowDown, ArrowUp, Pencil } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PaymentMethodFormValues } from "@/lib/payment-methods/schemas";
import { reorderPaymentMethodsAction, setPaymentMethodEnabledAction } from "@/app/(admin)/admin/payment-methods/actions";
import { PaymentMethodDialog } from "./payment-method-dialog";

export interface PaymentMethodRow {
  id: string;
  methodLabel: string;
  displayName: string;
  enabled: boolean;
  countries: string[];
  limits: string | null;
  /** false for card / PayPal while their gateway keys are missing: enabled but not offered */
  gatewayReady: boolean;
  values: PaymentMethodFormValues;
}

/** The configs in offering order, with the enabled switch, up/down and edit per row. */
export function PaymentMethodList({ rows }: { rows: PaymentMethodRow[] }) {
  const [pending, startTransition] = useTransition();

  function move(index: number, by: -1 | 1) {
    const ids = rows.map((row) => row.id);
    const target = index + by;
    const [moved] = ids.splice(index, 1);
    if (!moved || target < 0 || target > ids.length) return;
    ids.splice(target, 0, moved);
    startTransition(async () => {
      const result = await reorderPaymentMethodsAction({ ids });
      if (!result.ok) toast.error(result.error);
    });
  }

  function toggle(row: PaymentMethodRow, enabled: boolean) {
    startTransition(async () => {
      const result = await setPaymentMethodEnabledAction({ id: row.id, enabled });
      if (result.ok) toast.success(enabled ? `${row.displayName} is offered again.` : `${row.displayName} is no longer offered.`);
      else toast.error(result.error);
    });
  }

  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="w-20">Order</TableHead>
          <TableHead>Name</TableHead>
          <TableHead>Method</TableHead>
          <TableHead>Countries</TableHead>
          <TableHead>Limits</TableHead>
          <TableHead>Enabled</TableHead>
          <TableHead className="w-24">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row, index) => (
          <TableRow key={row.id} data-testid="payment-method-row" data-method={row.values.method} className={row.enabled ? "" : "text-muted-foreground"}>
            <TableCell>
              <div className="flex gap-1">
                <Button variant="ghost" size="icon-sm" aria-label={`Move ${row.displayName} up`} disabled={pending || index === 0} onClick={() => move(index, -1)}>
                  <ArrowUp />
                </Button>
                <Button variant="ghost" size="icon-sm" aria-label={`Move ${row.displayName} down`} disabled={pending || index === rows.length - 1} onClick={() => move(index, 1)}>
                  <ArrowDown />
                </Button>
              </div>
            </TableCell>
            <TableCell className="font-medium" data-testid="payment-method-name">
              {row.displayName}
            </TableCell>
            <TableCell>
              {row.methodLabel}
              {row.enabled && !row.gatewayReady ? (
                <Badge variant="outline" className="ml-2" title="Set the gateway's keys in the environment to offer it">
                  Keys missing
                </Badge>
              ) : null}
            </TableCell>
            <TableCell>{row.countries.length ? row.countries.join(", ") : <span className="text-muted-foreground">All</span>}</TableCell>
            <TableCell className="tabular-nums">{row.limits ?? <span className="text-muted-foreground">None</span>}</TableCell>
            <TableCell>
              <Switch
                checked={row.enabled}
                disabled={pending}
                onCheckedChange={(checked) => toggle(row, checked)}
                aria-label={`${row.displayName} enabled`}
                data-testid="payment-method-enabled"
              />
            </TableCell>
            <TableCell className="text-right">
              <PaymentMethodDialog
                config={{ id: row.id, values: row.values }}
                trigger={
                  <Button variant="ghost" size="sm" aria-label={`Edit ${row.displayName}`}>
                    <Pencil />
                    Edit
                  </Button>
                }
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

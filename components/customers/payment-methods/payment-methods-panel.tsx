"use client";

import { CreditCard, MoreHorizontal, Wallet } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { removePaymentMethodAction, setDefaultPaymentMethodAction, verifyPaymentMethodAction } from "@/app/(staff)/customers/[id]/payment-method-actions";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActionResult } from "@/lib/actions";
import { AddPaymentMethodDialog } from "./add-payment-method-dialog";

export interface PaymentMethodItem {
  id: string;
  kindLabel: string;
  description: string;
  isDefault: boolean;
  /** Formatted on the server; null while unverified. */
  verified: string | null;
  added: string;
}

function MethodRow({ customerId, method, canWrite }: { customerId: string; method: PaymentMethodItem; canWrite: boolean }) {
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const ref = { customerId, methodId: method.id };

  function run(action: () => Promise<ActionResult<unknown>>, success: string) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) toast.success(success);
      else toast.error(result.error);
    });
  }

  return (
    <li className="flex items-center justify-between gap-4 py-3 first:pt-0 last:pb-0" data-testid="payment-method">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {method.description}
          {method.isDefault ? <Badge>Default</Badge> : null}
          {method.verified ? <Badge variant="success">Verified</Badge> : <Badge variant="outline">Unverified</Badge>}
        </p>
        <p className="text-xs text-muted-foreground">
          {method.kindLabel} · added {method.added}
          {method.verified ? ` · verified ${method.verified}` : ""}
        </p>
      </div>
      {canWrite ? (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon-sm" disabled={pending} aria-label={`Actions for ${method.description}`}>
              <MoreHorizontal />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            {!method.isDefault ? (
              <DropdownMenuItem onSelect={() => run(() => setDefaultPaymentMethodAction(ref), "Default payment method changed.")}>Make default</DropdownMenuItem>
            ) : null}
            {!method.verified ? (
              <DropdownMenuItem onSelect={() => run(() => verifyPaymentMethodAction(ref), "Marked as verified.")}>Mark verified</DropdownMenuItem>
            ) : null}
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="destructive" onSelect={() => setConfirming(true)}>
              Remove…
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      ) : null}
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Remove {method.description}?</AlertDialogTitle>
            <AlertDialogDescription>
              {method.isDefault ? "It is the default: the oldest remaining method becomes the default. " : ""}
              The audit log keeps a record.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              className="bg-destructive text-white hover:bg-destructive/90"
              onClick={() => run(() => removePaymentMethodAction(ref), "Payment method removed.")}
            >
              Remove
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </li>
  );
}

export function PaymentMethodsPanel({ customerId, methods, canWrite }: { customerId: string; methods: PaymentMethodItem[]; canWrite: boolean }) {
  return (
    <Card className="py-4">
      <CardContent className="space-y-4 px-4">
        {canWrite ? (
          <div className="flex flex-wrap items-center gap-2">
            <AddPaymentMethodDialog customerId={customerId} />
            <Button size="sm" variant="outline" disabled>
              <CreditCard />
              Add card (coming with online payments)
            </Button>
          </div>
        ) : null}
        {methods.length ? (
          <ul className="divide-y">
            {methods.map((method) => (
              <MethodRow key={method.id} customerId={customerId} method={method} canWrite={canWrite} />
            ))}
          </ul>
        ) : (
          <EmptyState
            icon={<Wallet />}
            title="No payment methods yet"
            description="Record how this customer pays: a bank account (last 4 digits only), a mobile wallet, cash or check."
          />
        )}
      </CardContent>
    </Card>
  );
}

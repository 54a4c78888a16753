"use client";

import { Archive, Eye, FilePlus, MoreHorizontal, Pencil } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
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
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { CustomerStatus } from "@/db/schema/customers";
import { archiveCustomerAction } from "@/app/(staff)/customers/list-actions";

interface Props {
  customer: { id: string; displayName: string; status: CustomerStatus };
  canWrite: boolean;
  canDelete: boolean;
}

export function CustomerRowActions({ customer, canWrite, canDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  function archive() {
    startTransition(async () => {
      const result = await archiveCustomerAction({ id: customer.id });
      if (result.ok) toast.success(`${result.data.displayName} is archived. Restore it from its page.`);
      else toast.error(result.error);
    });
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" disabled={pending} aria-label={`Actions for ${customer.displayName}`}>
            <MoreHorizontal />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem asChild>
            <Link href={`/customers/${customer.id}`}>
              <Eye />
              View
            </Link>
          </DropdownMenuItem>
          {canWrite ? (
            <DropdownMenuItem asChild>
              <Link href={`/customers/${customer.id}/edit`}>
                <Pencil />
                Edit
              </Link>
            </DropdownMenuItem>
          ) : null}
          {/* focusable but inert, so the tooltip can say why (a disabled item gets no hover or focus) */}
          <Tooltip>
            <TooltipTrigger asChild>
              <DropdownMenuItem aria-disabled="true" className="opacity-50" onSelect={(event) => event.preventDefault()}>
                <FilePlus />
                New invoice
              </DropdownMenuItem>
            </TooltipTrigger>
            <TooltipContent side="left">Invoices arrive in the next release</TooltipContent>
          </Tooltip>
          {canDelete && customer.status !== "archived" ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="destructive" onSelect={() => setConfirming(true)}>
                <Archive />
                Archive…
              </DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>

      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Archive {customer.displayName}?</AlertDialogTitle>
            <AlertDialogDescription>
              Archived customers are hidden from this list and cannot get new invoices. Their record and history stay, and they can be restored.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction className="bg-destructive text-white hover:bg-destructive/90" onClick={archive}>
              Archive
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}

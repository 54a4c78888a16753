"use client";

import { ChevronDown, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { changeCustomerStatusAction, deleteCustomerAction } from "@/app/(staff)/customers/[id]/actions";
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
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { CustomerStatus } from "@/db/schema/customers";

type Change = "suspend" | "reactivate" | "archive" | "restore";

interface Props {
  customer: { id: string; name: string; status: CustomerStatus };
  canWrite: boolean;
  canDelete: boolean;
}

const DONE: Record<Change, string> = { suspend: "suspended", reactivate: "reactivated", archive: "archived", restore: "restored" };

/** Which changes the current status allows, and who may make them (mirrors lib's transitions). */
function allowedChanges(status: CustomerStatus, canWrite: boolean, canDelete: boolean): Change[] {
  const changes: Change[] = [];
  if (canWrite && status === "active") changes.push("suspend");
  if (canWrite && status === "suspended") changes.push("reactivate");
  if (canWrite && canDelete && status !== "archived") changes.push("archive");
  if (canWrite && canDelete && status === "archived") changes.push("restore");
  return changes;
}

export function CustomerActions({ customer, canWrite, canDelete }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [dialog, setDialog] = useState<"archive" | "delete" | null>(null);
  const changes = allowedChanges(customer.status, canWrite, canDelete);

  function change(to: Change) {
    startTransition(async () => {
      const result = await changeCustomerStatusAction({ id: customer.id, change: to });
      if (result.ok) toast.success(`${customer.name} is ${DONE[to]}.`);
      else toast.error(result.error);
    });
  }

  function remove() {
    startTransition(async () => {
      const result = await deleteCustomerAction({ id: customer.id });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(`${customer.name} was deleted.`);
      router.push("/customers");
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {canWrite ? (
        <Button variant="outline" asChild>
          <Link href={`/customers/${customer.id}/edit`}>
            <Pencil />
            Edit
          </Link>
        </Button>
      ) : null}
      {changes.length ? (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" disabled={pending}>
              Status
              <ChevronDown />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            {changes.includes("suspend") ? <DropdownMenuItem onSelect={() => change("suspend")}>Suspend</DropdownMenuItem> : null}
            {changes.includes("reactivate") ? <DropdownMenuItem onSelect={() => change("reactivate")}>Reactivate</DropdownMenuItem> : null}
            {changes.includes("restore") ? <DropdownMenuItem onSelect={() => change("restore")}>Restore</DropdownMenuItem> : null}
            {changes.includes("archive") ? <DropdownMenuItem onSelect={() => setDialog("archive")}>Archive…</DropdownMenuItem> : null}
          </DropdownMenuContent>
        </DropdownMenu>
      ) : null}
      {canDelete ? (
        <Button variant="outline" className="text-destructive" disabled={pending} onClick={() => setDialog("delete")}>
          <Trash2 />
          Delete
        </Button>
      ) : null}

      <AlertDialog open={dialog === "archive"} onOpenChange={(open) => setDialog(open ? "archive" : null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Archive {customer.name}?</AlertDialogTitle>
            <AlertDialogDescription>
              Archived customers are hidden from the customer list by default and cannot get new invoices. You can restore them at any time.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={() => change("archive")}>Archive</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>

      <AlertDialog open={dialog === "delete"} onOpenChange={(open) => setDialog(open ? "delete" : null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete {customer.name}?</AlertDialogTitle>
            <AlertDialogDescription>
              The customer disappears from lists and search. The record and its history are kept for the audit log.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction className="bg-destructive text-white hover:bg-destructive/90" onClick={remove}>
              Delete
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}

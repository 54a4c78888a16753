"use client";

import { Ban, Copy, MoreHorizontal, ShieldOff, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteDraftAction, duplicateInvoiceAction, markUncollectibleAction, voidInvoiceAction } from "@/app/(staff)/invoices/[id]/actions";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ReasonDialog } from "./reason-dialog";
import { useRunAction } from "./use-run-action";

interface Props {
  invoiceId: string;
  /** "INV-2026-00001", or "this draft" */
  label: string;
  show: { duplicate: boolean; void: boolean; markUncollectible: boolean; deleteDraft: boolean };
}

type Dialog = "void" | "uncollectible" | "delete" | null;

/** The less frequent and the destructive changes, kept out of the main button row. */
export function MoreActionsMenu({ invoiceId, label, show }: Props) {
  const router = useRouter();
  const { run, pending } = useRunAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const dialogProps = (name: Exclude<Dialog, null>) => ({ open: dialog === name, onOpenChange: (open: boolean) => setDialog(open ? name : null) });
  if (!show.duplicate && !show.void && !show.markUncollectible && !show.deleteDraft) return null;

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="icon" disabled={pending} aria-label="More actions" data-testid="invoice-more-actions">
            <MoreHorizontal />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {show.duplicate ? (
            <DropdownMenuItem
              onSelect={() =>
                run(
                  () => duplicateInvoiceAction({ id: invoiceId }),
                  () => `Copied ${label} to a new draft.`,
                  (copy) => router.push(`/invoices/${copy.id}`),
                )
              }
            >
              <Copy />
              Duplicate
            </DropdownMenuItem>
          ) : null}
          {show.markUncollectible ? (
            <DropdownMenuItem onSelect={() => setDialog("uncollectible")}>
              <ShieldOff />
              Mark uncollectible…
            </DropdownMenuItem>
          ) : null}
          {show.void || show.deleteDraft ? <DropdownMenuSeparator /> : null}
          {show.void ? (
            <DropdownMenuItem variant="destructive" onSelect={() => setDialog("void")}>
              <Ban />
              Void…
            </DropdownMenuItem>
          ) : null}
          {show.deleteDraft ? (
            <DropdownMenuItem variant="destructive" onSelect={() => setDialog("delete")}>
              <Trash2 />
              Delete draft…
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>

      <ReasonDialog
        {...dialogProps("void")}
        title={`Void ${label}?`}
        description="A void invoice keeps its number and stays on record as void; the customer no longer owes it. Payments applied to it must be voided first."
        placeholder="Issued to the wrong customer"
        submitLabel="Void invoice"
        successMessage={`${label} is void.`}
        submit={(reason) => voidInvoiceAction({ id: invoiceId, reason })}
      />
      <ConfirmDialog
        {...dialogProps("uncollectible")}
        title={`Mark ${label} uncollectible?`}
        description="Use this when you no longer expect the money. The amount still due stays on record but is left out of what is outstanding; reminders stop."
        confirmLabel="Mark uncollectible"
        destructive
        onConfirm={() => run(() => markUncollectibleAction({ id: invoiceId }), () => `${label} is marked uncollectible.`)}
      />
      <ConfirmDialog
        {...dialogProps("delete")}
        title="Delete this draft?"
        description="A draft has no number yet, so nothing is skipped in the numbering. The draft disappears from lists."
        confirmLabel="Delete draft"
        destructive
        onConfirm={() =>
          run(
            () => deleteDraftAction({ id: invoiceId }),
            () => "Draft deleted.",
            () => router.push("/invoices"),
          )
        }
      />
    </>
  );
}

"use client";

import { MoreHorizontal, Pencil, Power, PowerOff, Trash2 } from "lucide-react";
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
import { deleteProductAction, setProductActiveAction } from "@/app/(staff)/products/actions";
import { ProductDialog, type EditableProduct, type ProductFormOptions } from "./product-dialog";

interface Props {
  product: EditableProduct & { active: boolean };
  options: ProductFormOptions;
}

/** The row menu of a product: edit, deactivate or activate, delete. Only rendered for those who may write. */
export function ProductRowActions({ product, options }: Props) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const name = product.values.name;

  function toggleActive() {
    startTransition(async () => {
      const result = await setProductActiveAction({ id: product.id, active: !product.active });
      if (!result.ok) toast.error(result.error);
      else toast.success(result.data.active ? `${name} is active again.` : `${name} is deactivated; the invoice editor no longer offers it.`);
    });
  }

  function remove() {
    startTransition(async () => {
      const result = await deleteProductAction({ id: product.id });
      if (result.ok) toast.success(`${name} is deleted.`);
      else toast.error(result.error);
    });
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" disabled={pending} aria-label={`Actions for ${name}`}>
            <MoreHorizontal />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setEditing(true)}>
            <Pencil />
            Edit
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={toggleActive}>
            {product.active ? <PowerOff /> : <Power />}
            {product.active ? "Deactivate" : "Activate"}
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem variant="destructive" onSelect={() => setConfirming(true)}>
            <Trash2 />
            Delete…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>

      {/* mounted when opened, so the form starts from the product as the page last loaded it */}
      {editing ? <ProductDialog options={options} product={product} open onOpenChange={setEditing} /> : null}

      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete {name}?</AlertDialogTitle>
            <AlertDialogDescription>
              It disappears from this list and from the invoice editor. Invoices that used it keep their lines. To stop offering it for a while, deactivate it instead.
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
    </>
  );
}

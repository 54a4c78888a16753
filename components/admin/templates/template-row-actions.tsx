"use client";

import { MoreHorizontal, Pencil, Star, Trash2 } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { deleteTemplateAction, setDefaultTemplateAction } from "@/app/(admin)/admin/templates/actions";
import type { EditableTemplate } from "./form-values";
import { TemplateDialog } from "./template-dialog";

/** The row menu of a template: edit, make default, delete (never the default). */
export function TemplateRowActions({ template }: { template: EditableTemplate }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const name = template.values.name;

  function makeDefault() {
    startTransition(async () => {
      const result = await setDefaultTemplateAction({ id: template.id });
      if (result.ok) toast.success(`${name} is now the default template.`);
      else toast.error(result.error);
    });
  }

  function remove() {
    startTransition(async () => {
      const result = await deleteTemplateAction({ id: template.id });
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
          <DropdownMenuItem onSelect={makeDefault} disabled={template.isDefault}>
            <Star />
            Make default
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem variant="destructive" onSelect={() => setConfirming(true)} disabled={template.isDefault}>
            <Trash2 />
            {template.isDefault ? "Delete (make another default first)" : "Delete…"}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>

      {/* mounted when opened, so the form starts from the template as the page last loaded it */}
      {editing ? <TemplateDialog template={template} open onOpenChange={setEditing} /> : null}

      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete ${name}?`}
        description="New invoices can no longer use it. Invoices that already use it keep its look."
        confirmLabel="Delete"
        destructive
        onConfirm={remove}
      />
    </>
  );
}

"use client";

import { Bookmark, Check, ChevronDown, Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { deleteViewAction } from "@/app/(staff)/customers/views-actions";
import type { SavedView } from "@/lib/customers/saved-views";
import { SaveViewDialog } from "./save-view-dialog";

/** The user's saved views: open one, save the current filters, delete one. */
export function ViewsMenu({ views, currentQuery }: { views: SavedView[]; currentQuery: string }) {
  const [saving, setSaving] = useState(false);
  const [pending, startTransition] = useTransition();

  function remove(view: SavedView) {
    startTransition(async () => {
      const result = await deleteViewAction({ id: view.id });
      if (result.ok) toast.success(`View "${view.name}" deleted.`);
      else toast.error(result.error);
    });
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" disabled={pending} data-testid="views-menu">
            <Bookmark />
            Views
            <ChevronDown className="opacity-50" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel>Your views</DropdownMenuLabel>
          {views.length === 0 ? <p className="px-2 pb-1.5 text-sm text-muted-foreground">None yet. Filter the list, then save it here.</p> : null}
          {views.map((view) => (
            <DropdownMenuItem key={view.id} asChild>
              <Link href={view.query ? `/customers?${view.query}` : "/customers"} data-testid="saved-view">
                <span className="flex-1 truncate">{view.name}</span>
                {view.query === currentQuery ? <Check aria-label="Current view" /> : null}
              </Link>
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setSaving(true)}>
            <Plus />
            Save current view…
          </DropdownMenuItem>
          {views.length ? (
            <DropdownMenuSub>
              <DropdownMenuSubTrigger>
                <Trash2 className="text-muted-foreground" />
                Delete a view
              </DropdownMenuSubTrigger>
              <DropdownMenuSubContent className="w-56">
                {views.map((view) => (
                  <DropdownMenuItem key={view.id} variant="destructive" onSelect={() => remove(view)}>
                    <span className="truncate">{view.name}</span>
                  </DropdownMenuItem>
                ))}
              </DropdownMenuSubContent>
            </DropdownMenuSub>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      <SaveViewDialog open={saving} onOpenChange={setSaving} query={currentQuery} />
    </>
  );
}

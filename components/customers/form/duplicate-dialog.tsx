"use client";

import { ExternalLink } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { DuplicateMatch } from "@/lib/customers/duplicates";

const REASONS: Record<DuplicateMatch["reason"], string> = {
  email: "same email",
  tax_id: "same tax ID",
  name_and_phone: "same name and phone",
};

interface Props {
  matches: DuplicateMatch[] | null;
  pending: boolean;
  onSaveAnyway: () => void;
  onCancel: () => void;
}

/** Look-alike customers found before saving: open them to check, or save anyway. */
export function DuplicateDialog({ matches, pending, onSaveAnyway, onCancel }: Props) {
  return (
    <Dialog open={matches !== null} onOpenChange={(open) => (open ? null : onCancel())}>
      <DialogContent data-testid="duplicate-warning" className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>This may be a customer you already have</DialogTitle>
          <DialogDescription>Check the matches below. Open one in a new tab, or save this customer anyway.</DialogDescription>
        </DialogHeader>
        <ul className="divide-y rounded-md border">
          {(matches ?? []).map((match) => (
            <li key={match.id} className="flex items-center justify-between gap-4 p-3 text-sm">
              <div className="min-w-0">
                <p className="font-medium">
                  <span className="font-mono text-xs text-muted-foreground">{match.number}</span> {match.displayName}
                </p>
                <p className="truncate text-muted-foreground">
                  {match.email ?? "No email"} · <span data-testid="duplicate-reason">{REASONS[match.reason]}</span>
                </p>
              </div>
              <Button variant="outline" size="sm" asChild>
                <a href={`/customers/${match.id}`} target="_blank" rel="noopener noreferrer">
                  Open
                  <ExternalLink />
                  <span className="sr-only">{match.displayName} in a new tab</span>
                </a>
              </Button>
            </li>
          ))}
        </ul>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="button" onClick={onSaveAnyway} disabled={pending}>
            Save anyway
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

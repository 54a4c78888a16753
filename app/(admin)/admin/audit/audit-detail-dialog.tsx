"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

interface Props {
  title: string;
  description: string;
  /** pretty-printed JSON, or null when the entry has no such side */
  before: string | null;
  after: string | null;
}

function JsonPane({ label, json }: { label: string; json: string | null }) {
  return (
    <section className="min-w-0 space-y-2">
      <h3 className="text-sm font-medium">{label}</h3>
      <pre data-testid={`audit-${label.toLowerCase()}`} className="max-h-[60vh] overflow-auto rounded-md border bg-muted/40 p-3 text-xs leading-relaxed">
        {json ?? "—"}
      </pre>
    </section>
  );
}

export function AuditDetailDialog({ title, description, before, after }: Props) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          Details
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-4xl">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-4 md:grid-cols-2">
          <JsonPane label="Before" json={before} />
          <JsonPane label="After" json={after} />
        </div>
      </DialogContent>
    </Dialog>
  );
}

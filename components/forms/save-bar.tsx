"use client";

import { AlertCircle, Loader2, RotateCw } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * The edit-conflict state a SaveBar shows: `report` the action's conflict message (also toasted),
 * `clear` it before saving again or on Reload.
 */
export function useEditConflict() {
  const [message, setMessage] = useState<string | null>(null);
  const report = useCallback((text: string) => {
    setMessage(text);
    toast.error(text);
  }, []);
  const clear = useCallback(() => setMessage(null), []);
  return { message, report, clear };
}

interface Props {
  /** someone else saved first: their message, offered with a Reload */
  conflict: string | null;
  onReload: () => void;
  /** the form-level error, shown when there is no conflict */
  error: string | undefined;
  cancelHref: string;
  saving: boolean;
  submitLabel: string;
}

/** The sticky foot of a long form: its error (or an edit conflict with Reload), Cancel and the submit button. */
export function SaveBar({ conflict, onReload, error, cancelHref, saving, submitLabel }: Props) {
  const router = useRouter();
  return (
    <div className="sticky bottom-0 z-10 -mx-1 space-y-3 border-t bg-background/95 px-1 py-4 backdrop-blur">
      {conflict ? (
        <Alert variant="destructive" data-testid="form-error">
          <AlertCircle />
          <AlertDescription className="flex flex-wrap items-center justify-between gap-3">
            <span>{conflict}</span>
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => {
                onReload();
                // the page re-renders with the new version; the form remounts with their changes
                router.refresh();
              }}
            >
              <RotateCw />
              Reload
            </Button>
          </AlertDescription>
        </Alert>
      ) : (
        <FormError message={error} />
      )}
      <div className="flex justify-end gap-2">
        <Button variant="outline" asChild>
          <Link href={cancelHref}>Cancel</Link>
        </Button>
        <Button type="submit" disabled={saving}>
          {saving ? <Loader2 className="animate-spin" /> : null}
          {submitLabel}
        </Button>
      </div>
    </div>
  );
}

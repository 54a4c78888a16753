"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Shown once, right after they are made: only their hashes are kept. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      toast.success("Recovery codes copied.");
    } catch {
      toast.error("Could not copy; select the codes and copy them by hand.");
    }
  }

  return (
    <div className="space-y-4">
      <Alert>
        <AlertTitle>Save these recovery codes now</AlertTitle>
        <AlertDescription>
          Each code signs you in once if you lose your authenticator. You will not see them again.
        </AlertDescription>
      </Alert>
      <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 rounded-lg border bg-muted/40 p-4 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button type="button" variant="outline" onClick={copy}>
          <Copy /> Copy
        </Button>
        <Button type="button" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </div>
  );
}

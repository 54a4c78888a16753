"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="max-w-sm text-sm text-muted-foreground">
        We could not load this page. Nothing you saved was lost. Try again; if it keeps happening, quote
        reference {error.digest ?? "n/a"} to your administrator.
      </p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}

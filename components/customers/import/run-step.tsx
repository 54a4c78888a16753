"use client";

import { Loader2, Square } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";

export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

interface Props {
  done: number;
  total: number;
  startedAt: number;
  cancelling: boolean;
  onCancel: () => void;
}

/** Step 4: batches go to the server one after another; Cancel stops before the next batch. */
export function RunStep({ done, total, startedAt, cancelling, onCancel }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const percent = total ? Math.round((done / total) * 100) : 0;

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Loader2 className="size-4 animate-spin" />
          Importing…
        </CardTitle>
        <CardDescription>Each batch of up to 500 rows is saved in one transaction. Keep this page open until it finishes.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-2">
        <Progress value={percent} aria-label="Rows imported" data-testid="import-progress" />
        <div className="flex justify-between text-sm text-muted-foreground tabular-nums" aria-live="polite">
          <span>
            {done.toLocaleString()} of {total.toLocaleString()} rows ({percent}%)
          </span>
          <span>{formatElapsed(Math.max(0, now - startedAt))} elapsed</span>
        </div>
      </CardContent>
      <CardFooter>
        <Button variant="outline" onClick={onCancel} disabled={cancelling}>
          <Square />
          {cancelling ? "Stopping after this batch…" : "Cancel"}
        </Button>
      </CardFooter>
    </Card>
  );
}

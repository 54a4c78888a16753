"use client";

import { Download, RotateCcw } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { countOutcomes, reportToCsv } from "@/lib/customers/import/report";
import type { RowOutcome } from "@/lib/customers/import/run-batch";
import { formatElapsed } from "./run-step";

const SHOWN_FAILURES = 200;

export interface ImportSummary {
  fileName: string;
  outcomes: RowOutcome[];
  total: number;
  elapsedMs: number;
  /** why the run stopped early (cancelled, or a batch the server could not take) */
  stopped: string | null;
}

function download(fileName: string, outcomes: readonly RowOutcome[]) {
  const blob = new Blob([reportToCsv(outcomes)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${fileName.replace(/\.[^.]*$/, "")}-import-report.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Step 5: what happened to every row, with the failures listed and the whole report downloadable. */
export function ReportStep({ summary, onRestart }: { summary: ImportSummary; onRestart: () => void }) {
  const counts = countOutcomes(summary.outcomes);
  const failures = summary.outcomes.filter((outcome) => outcome.status === "failed");
  const notSent = summary.total - summary.outcomes.length;
  const tiles = [
    { label: "Created", value: counts.created, testId: "import-created" },
    { label: "Updated", value: counts.updated, testId: "import-updated" },
    { label: "Skipped", value: counts.skipped, testId: "import-skipped" },
    { label: "Failed", value: counts.failed, testId: "import-failed" },
  ];

  return (
    <div className="space-y-6" data-testid="import-report">
      {summary.stopped ? (
        <Alert variant="destructive" data-testid="form-error">
          <AlertTitle>The import stopped early</AlertTitle>
          <AlertDescription>
            {summary.stopped} {notSent > 0 ? `${notSent.toLocaleString()} rows were not sent; batches saved before that are kept.` : null}
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-4">
        {tiles.map((tile) => (
          <Card key={tile.label} className="gap-1 py-4">
            <CardHeader className="px-4">
              <CardDescription>{tile.label}</CardDescription>
              <CardTitle className="text-2xl tabular-nums" data-testid={tile.testId}>
                {tile.value.toLocaleString()}
              </CardTitle>
            </CardHeader>
          </Card>
        ))}
      </div>
      <p className="text-sm text-muted-foreground">
        {summary.outcomes.length.toLocaleString()} of {summary.total.toLocaleString()} rows of {summary.fileName} processed in {formatElapsed(summary.elapsedMs)}.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => download(summary.fileName, summary.outcomes)} data-testid="import-download-report">
          <Download />
          Download report (CSV)
        </Button>
        <Button variant="outline" asChild>
          <Link href="/customers">View customers</Link>
        </Button>
        <Button variant="ghost" onClick={onRestart}>
          <RotateCcw />
          Import another file
        </Button>
      </div>
      {failures.length > 0 ? (
        <Card className="py-0">
          <CardHeader className="px-4 pt-4">
            <CardTitle>Failed rows</CardTitle>
            <CardDescription>
              {failures.length > SHOWN_FAILURES
                ? `The first ${SHOWN_FAILURES} of ${failures.length.toLocaleString()}; the downloaded report lists them all.`
                : "Fix these rows in your file and import them again."}
            </CardDescription>
          </CardHeader>
          <CardContent className="px-0">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-20 pl-4">Row</TableHead>
                  <TableHead>Reason</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {failures.slice(0, SHOWN_FAILURES).map((failure) => (
                  <TableRow key={failure.rowNumber} data-testid="import-failure-row">
                    <TableCell className="pl-4 tabular-nums">{failure.rowNumber}</TableCell>
                    <TableCell className="whitespace-normal">{failure.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

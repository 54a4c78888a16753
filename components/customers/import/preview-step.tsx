"use client";

import { ArrowLeft, Play } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportColumn } from "@/lib/customers/import/columns";
import type { DuplicatePolicy } from "@/lib/customers/import/schemas";
import { cn } from "@/lib/utils";
import type { MappedRow, RowChecks } from "./check-rows";

export const PREVIEW_ROWS = 20;

const POLICIES: { value: DuplicatePolicy; label: string; hint: string }[] = [
  { value: "skip", label: "Skip", hint: "Rows whose email or tax id matches a customer (or an earlier row) are left out." },
  { value: "update", label: "Update existing", hint: "The row's non-empty cells overwrite the matching customer; empty cells keep what is there." },
  { value: "create", label: "Create anyway", hint: "Every valid row becomes a new customer, duplicates included." },
];

interface Props {
  rows: readonly MappedRow[];
  columns: readonly ImportColumn[];
  checks: RowChecks | null;
  checked: number;
  policy: DuplicatePolicy;
  onPolicy: (policy: DuplicatePolicy) => void;
  onBack: () => void;
  onRun: () => void;
}

/** Step 3: the first rows with their problems, totals over every row, and the duplicates policy. */
export function PreviewStep({ rows, columns, checks, checked, policy, onPolicy, onBack, onRun }: Props) {
  const preview = rows.slice(0, PREVIEW_ROWS);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Check the rows</CardTitle>
          <CardDescription>
            The first {Math.min(PREVIEW_ROWS, rows.length)} of {rows.length.toLocaleString()} rows, checked with the same rules as the customer
            form. Invalid rows are reported as failed; the valid rows are imported.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {checks ? (
            <div className="flex flex-wrap gap-2" data-testid="import-check-counts">
              <Badge variant="success" data-testid="import-valid-count">
                {checks.valid.toLocaleString()} valid
              </Badge>
              <Badge variant={checks.invalid.size ? "destructive" : "outline"} data-testid="import-invalid-count">
                {checks.invalid.size.toLocaleString()} invalid
              </Badge>
              <Badge variant="outline">{rows.length.toLocaleString()} rows in all</Badge>
            </div>
          ) : (
            <div className="space-y-1" aria-live="polite">
              <p className="text-sm text-muted-foreground">
                Checking rows… {checked.toLocaleString()} of {rows.length.toLocaleString()}
              </p>
              <Progress value={rows.length ? (checked / rows.length) * 100 : 0} aria-label="Rows checked" />
            </div>
          )}
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-14">Row</TableHead>
                {columns.map((column) => (
                  <TableHead key={column} className="font-mono text-xs">
                    {column}
                  </TableHead>
                ))}
                <TableHead className="min-w-64">Check</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.map((row, index) => {
                const errors = checks?.invalid.get(index);
                const bad = new Set(errors?.map((error) => error.column));
                return (
                  <TableRow key={row.rowNumber} data-testid="import-preview-row" data-valid={checks ? String(!errors) : undefined}>
                    <TableCell className="tabular-nums text-muted-foreground">{row.rowNumber}</TableCell>
                    {columns.map((column) => (
                      <TableCell key={column} className={cn("max-w-48 truncate", bad.has(column) && "text-destructive underline decoration-wavy")}>
                        {row.values[column]}
                      </TableCell>
                    ))}
                    <TableCell className="whitespace-normal">
                      {!checks ? null : errors ? (
                        <ul className="space-y-0.5 text-xs text-destructive" data-testid="import-row-errors">
                          {errors.map((error, i) => (
                            <li key={i}>
                              {error.column === "row" ? null : <span className="font-mono">{error.column}: </span>}
                              {error.message}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <Badge variant="success">Valid</Badge>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Duplicates</CardTitle>
          <CardDescription>A row is a duplicate when its email or tax id (ignoring case) matches a customer or an earlier row of the file.</CardDescription>
        </CardHeader>
        <CardContent>
          <fieldset className="space-y-3">
            <legend className="sr-only">What to do with duplicates</legend>
            {POLICIES.map((option) => (
              <label key={option.value} className="flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:checked]:border-primary has-[:checked]:bg-muted/50">
                <input
                  type="radio"
                  name="duplicate-policy"
                  value={option.value}
                  checked={policy === option.value}
                  onChange={() => onPolicy(option.value)}
                  className="mt-1 accent-primary"
                />
                <span>
                  <span className="block text-sm font-medium">{option.label}</span>
                  <span className="block text-sm text-muted-foreground">{option.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </CardContent>
        <CardFooter className="justify-between">
          <Button variant="outline" onClick={onBack}>
            <ArrowLeft />
            Change the mapping
          </Button>
          <Button onClick={onRun} disabled={!checks || checks.valid === 0} data-testid="import-run">
            <Play />
            Import {rows.length.toLocaleString()} rows
          </Button>
        </CardFooter>
      </Card>
    </div>
  );
}

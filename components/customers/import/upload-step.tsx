"use client";

import { FileUp, Loader2 } from "lucide-react";
import { useId, useState, type DragEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import { IMPORT_COLUMN_NAMES } from "@/lib/customers/import/columns";
import { readCsvFile, type CsvData } from "./read-csv-file";

/** Step 1: choose or drop a CSV file; it is checked and parsed in the browser. */
export function UploadStep({ onLoaded }: { onLoaded: (data: CsvData) => void }) {
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState<{ name: string; rows: number } | null>(null);
  const [dragging, setDragging] = useState(false);

  async function load(file: File | undefined) {
    if (!file || reading) return;
    setError(null);
    setReading({ name: file.name, rows: 0 });
    // let the "Reading…" state paint before the parse takes the main thread
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const result = await readCsvFile(file, (rows) => setReading({ name: file.name, rows }));
      if (result.ok) onLoaded(result.data);
      else setError(result.error);
    } catch {
      setError("The file could not be read. Check that it is a CSV file and try again.");
    } finally {
      setReading(null);
    }
  }

  function onDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files[0]);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Upload a CSV file</CardTitle>
        <CardDescription>
          UTF-8, up to 20 MB, with column names in the first row. The columns of a customer export work as they are.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <FormError message={error} />
        <label
          htmlFor={inputId}
          data-testid="import-dropzone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={cn(
            "flex cursor-pointer flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed px-6 py-12 text-center transition-colors focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50 hover:bg-muted/50",
            dragging && "border-primary bg-muted/50",
          )}
        >
          {reading ? <Loader2 className="size-8 animate-spin text-muted-foreground" /> : <FileUp className="size-8 text-muted-foreground" />}
          {reading ? (
            <span className="text-sm" aria-live="polite">
              Reading {reading.name}… {reading.rows > 0 ? `${reading.rows.toLocaleString()} rows` : null}
            </span>
          ) : (
            <span className="text-sm">
              <span className="font-medium text-primary underline-offset-4 hover:underline">Choose a file</span> or drag it here
            </span>
          )}
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className="sr-only"
            aria-label="CSV file"
            data-testid="import-file"
            autoFocus
            disabled={reading !== null}
            onChange={(event) => {
              void load(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
        </label>
        <details className="text-sm text-muted-foreground">
          <summary className="cursor-pointer">Columns the import understands</summary>
          <p className="mt-2 font-mono text-xs leading-relaxed">{IMPORT_COLUMN_NAMES.join(", ")}</p>
          <p className="mt-2">
            Other names such as Company, E-mail, Mobile, VAT number or Postcode are recognised too; you can adjust the mapping in the next
            step. Customer numbers are always assigned by CleanPay.
          </p>
        </details>
      </CardContent>
    </Card>
  );
}

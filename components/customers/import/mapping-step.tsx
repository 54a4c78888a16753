"use client";

import { ArrowLeft, ArrowRight } from "lucide-react";
import { useMemo } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { IMPORT_COLUMNS, type ColumnMapping, type ImportColumn } from "@/lib/customers/import/columns";
import type { CsvData } from "./read-csv-file";

/** Problems that stop the user from going on: nothing mapped, or a field chosen twice. */
export function mappingError(mapping: ColumnMapping): string | null {
  const used = Object.values(mapping).filter((column): column is ImportColumn => column !== "ignore");
  if (used.length === 0) return "Map at least one column to a customer field.";
  const twice = used.find((column, i) => used.indexOf(column) !== i);
  if (twice) return `Two columns are mapped to ${twice}. Map each field from one column only.`;
  if (!used.some((column) => column === "company_name" || column === "first_name" || column === "last_name")) {
    return "Map a column to company_name, first_name or last_name: every customer needs a name.";
  }
  return null;
}

function sampleOf(data: CsvData, header: string): string {
  for (const record of data.records.slice(0, 50)) {
    const value = record[header]?.trim();
    if (value) return value.length > 40 ? `${value.slice(0, 39)}…` : value;
  }
  return "";
}

interface Props {
  data: CsvData;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: each CSV column → a customer field or "Ignore", pre-filled by the header guess. */
export function MappingStep({ data, mapping, onChange, onBack, onNext }: Props) {
  const error = mappingError(mapping);
  const samples = useMemo(() => Object.fromEntries(data.headers.map((header) => [header, sampleOf(data, header)])), [data]);
  const mappedCount = Object.values(mapping).filter((column) => column !== "ignore").length;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Match the columns</CardTitle>
        <CardDescription>
          {data.fileName}: {data.records.length.toLocaleString()} rows, {data.headers.length} columns, {mappedCount} mapped. Columns set to
          Ignore are not imported.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <FormError message={error} />
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Column in the file</TableHead>
              <TableHead>First value</TableHead>
              <TableHead className="w-72">Customer field</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.headers.map((header, index) => (
              <TableRow key={`${index}-${header}`} data-testid="import-mapping-row">
                <TableCell className="font-medium">{header || <span className="text-muted-foreground">(no name)</span>}</TableCell>
                <TableCell className="max-w-64 truncate text-muted-foreground">{samples[header]}</TableCell>
                <TableCell>
                  <Select value={mapping[header] ?? "ignore"} onValueChange={(value) => onChange({ ...mapping, [header]: value as ImportColumn | "ignore" })}>
                    <SelectTrigger className="w-full" aria-label={`Field for ${header || `column ${index + 1}`}`}>
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value="ignore">Ignore</SelectItem>
                      {IMPORT_COLUMNS.map((column) => (
                        <SelectItem key={column.column} value={column.column}>
                          {column.label} <span className="font-mono text-xs text-muted-foreground">{column.column}</span>
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
      <CardFooter className="justify-between">
        <Button variant="outline" onClick={onBack}>
          <ArrowLeft />
          Choose another file
        </Button>
        <Button onClick={onNext} disabled={error !== null}>
          Preview
          <ArrowRight />
        </Button>
      </CardFooter>
    </Card>
  );
}

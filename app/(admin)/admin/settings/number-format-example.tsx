"use client";

import { useWatch, type Control } from "react-hook-form";
import type { CompanySettingsFormValues } from "@/lib/settings/schemas";
import { numberFormatExample } from "@/lib/settings/number-format";

/** The number the format would give today for the first document of the series. */
export function NumberFormatExample({ control, name }: { control: Control<CompanySettingsFormValues>; name: "invoiceNumberFormat" | "creditNoteNumberFormat" }) {
  const format = useWatch({ control, name });
  const example = numberFormatExample(format.trim());
  return (
    <p className="text-sm text-muted-foreground" data-testid={`${name}-example`} aria-live="polite">
      {example.ok ? (
        <>
          Example: <span className="font-mono text-foreground">{example.example}</span>
        </>
      ) : (
        "No example until the format is valid."
      )}
    </p>
  );
}

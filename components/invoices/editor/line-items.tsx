"use client";

import { Plus } from "lucide-react";
import { useState, type DragEvent } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField, FormItem, FormMessage } from "@/components/ui/form";
import type { EditorTaxRate } from "@/lib/invoices/editor-options";
import { MAX_LINES, type InvoiceDraftFormValues } from "@/lib/invoices/schemas";
import { cn } from "@/lib/utils";
import { blankLine } from "./form-values";
import { LINE_GRID, LineRow, moveButtonId, type LineDrag } from "./line-row";

const HEADINGS = ["", "Description", "Qty", "Unit", "Unit price", "Disc. %", "Taxes", "Amount", ""];

/** The lines: add, remove, and reorder by dragging or with the Move up/down buttons. */
export function LineItems({ rates }: { rates: readonly EditorTaxRate[] }) {
  const { control } = useFormContext<InvoiceDraftFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: "lines" });
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dragOver, setDragOver] = useState<number | null>(null);

  function moveLine(from: number, direction: "up" | "down") {
    const to = direction === "up" ? from - 1 : from + 1;
    const fieldId = fields[from]?.id;
    if (to < 0 || to >= fields.length || !fieldId) return;
    move(from, to);
    // the row's DOM node moves, which drops focus; put it back on the same button (or its twin at an end)
    requestAnimationFrame(() => {
      const same = document.getElementById(moveButtonId(fieldId, direction));
      const other = document.getElementById(moveButtonId(fieldId, direction === "up" ? "down" : "up"));
      (same instanceof HTMLButtonElement && !same.disabled ? same : other)?.focus();
    });
  }

  function dragFor(index: number): LineDrag {
    return {
      onDragStart: (event: DragEvent<HTMLElement>) => {
        event.dataTransfer.effectAllowed = "move";
        // some browsers start no drag without data
        event.dataTransfer.setData("text/plain", String(index + 1));
        const row = event.currentTarget.closest("[data-testid=invoice-line]");
        if (row) event.dataTransfer.setDragImage(row, 16, 16);
        setDragFrom(index);
      },
      onDragEnd: () => {
        setDragFrom(null);
        setDragOver(null);
      },
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (dragFrom === null) return; // not one of our lines (a file, some text)
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        if (dragOver !== index) setDragOver(index);
      },
      onDrop: (event: DragEvent<HTMLElement>) => {
        if (dragFrom === null) return;
        event.preventDefault();
        if (dragFrom !== index) move(dragFrom, index);
        setDragFrom(null);
        setDragOver(null);
      },
      isTarget: dragFrom !== null && dragOver === index && dragFrom !== index,
    };
  }

  return (
    <section aria-labelledby="invoice-lines-heading" className="space-y-2">
      <h2 id="invoice-lines-heading" className="text-base font-semibold">
        Lines
      </h2>
      <div className={cn("hidden gap-2 px-1 text-xs font-medium text-muted-foreground md:grid", LINE_GRID)} aria-hidden>
        {HEADINGS.map((heading, index) => (
          <span key={index} className={cn(index >= 2 && index !== 3 && index !== 6 && "text-right")}>
            {heading}
          </span>
        ))}
      </div>
      <div className="space-y-2 md:space-y-0">
        {fields.map((field, index) => (
          <LineRow
            key={field.id}
            index={index}
            fieldId={field.id}
            count={fields.length}
            rates={rates}
            onRemove={() => remove(index)}
            onMove={(direction) => moveLine(index, direction)}
            drag={dragFor(index)}
          />
        ))}
      </div>
      {fields.length === 0 ? (
        <p className="text-sm text-muted-foreground">No lines yet. A draft can be saved without lines; add them before finalizing.</p>
      ) : null}
      <FormField
        control={control}
        name="lines"
        render={() => (
          <FormItem>
            <FormMessage />
          </FormItem>
        )}
      />
      <Button
        type="button"
        variant="outline"
        size="sm"
        disabled={fields.length >= MAX_LINES}
        // the new line's description takes the focus, so typing goes on from the keyboard
        onClick={() => append(blankLine(), { focusName: `lines.${fields.length}.description` })}
      >
        <Plus />
        Add line
      </Button>
    </section>
  );
}

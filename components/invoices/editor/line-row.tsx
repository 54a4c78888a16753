"use client";

import { AlertTriangle, ChevronDown, ChevronUp, GripVertical, Trash2 } from "lucide-react";
import { useState, type ComponentProps, type DragEvent, type KeyboardEvent } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { EditorTaxRate } from "@/lib/invoices/editor-options";
import type { InvoiceDraftFormValues, InvoiceLineFormValues } from "@/lib/invoices/schemas";
import { formatMoney } from "@/lib/money";
import type { ProductPickerItem } from "@/lib/products/queries";
import { cn } from "@/lib/utils";
import { lineFromProduct } from "./form-values";
import { LineTaxesPicker } from "./line-taxes-picker";
import { liveLineNet } from "./live-totals";
import { ProductSearch } from "./product-search";

/** The columns of a line on wide screens; the header row in line-items.tsx uses the same. */
export const LINE_GRID = "md:grid-cols-[2.25rem_minmax(12rem,1fr)_5.5rem_5.5rem_7.5rem_5rem_11rem_7.5rem_2.25rem]";

type TextKey = "quantity" | "unit" | "unitPrice" | "discountPercent";
const NUMBER = "text-right tabular-nums";

export interface LineDrag {
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
  /** a dragged line would land here */
  isTarget: boolean;
}

interface Props {
  index: number;
  /** the field array's stable id: the move buttons are found by it after a move */
  fieldId: string;
  count: number;
  rates: readonly EditorTaxRate[];
  onRemove: () => void;
  onMove: (direction: "up" | "down") => void;
  drag: LineDrag;
}

// Enter in a line's inputs must not submit the whole invoice (textareas keep their newline)
function keepEnterInLine(event: KeyboardEvent<HTMLElement>) {
  if (event.key === "Enter" && event.target instanceof HTMLInputElement) event.preventDefault();
}

export const moveButtonId = (fieldId: string, direction: "up" | "down") => `line-${fieldId}-move-${direction}`;

export function LineRow({ index, fieldId, count, rates, onRemove, onMove, drag }: Props) {
  const { control, getValues, setValue, trigger, formState } = useFormContext<InvoiceDraftFormValues>();
  const [warning, setWarning] = useState<string | null>(null);
  const n = index + 1;
  const label = `Line ${n}`;

  function pickProduct(product: ProductPickerItem) {
    const picked = lineFromProduct(getValues(`lines.${index}`), product, getValues("currency"), rates);
    for (const key of Object.keys(picked.line) as (keyof InvoiceLineFormValues)[]) {
      setValue(`lines.${index}.${key}`, picked.line[key], { shouldDirty: true });
    }
    setWarning(picked.warning);
    // after a failed save, the filled fields' errors clear (or stay) right away
    if (formState.isSubmitted) void trigger(`lines.${index}`);
  }

  return (
    <div
      role="group"
      aria-label={label}
      data-testid="invoice-line"
      className={cn(
        "grid gap-2 rounded-md border p-2 md:items-start md:gap-2 md:border-transparent md:p-1",
        LINE_GRID,
        drag.isTarget && "border-primary bg-accent/40 md:border-primary",
      )}
      onDragOver={drag.onDragOver}
      onDrop={drag.onDrop}
      onKeyDown={keepEnterInLine}
    >
      <div className="flex items-center gap-1 md:flex-col md:gap-0">
        <span
          draggable
          onDragStart={drag.onDragStart}
          onDragEnd={drag.onDragEnd}
          className="flex h-8 cursor-grab items-center text-muted-foreground active:cursor-grabbing"
          title="Drag to reorder"
          // mouse only; the buttons below do the same from the keyboard
          aria-hidden
        >
          <GripVertical className="size-4" />
        </span>
        <Button
          type="button"
          variant="ghost"
          size="icon-sm"
          className="size-6"
          id={moveButtonId(fieldId, "up")}
          aria-label={`Move line ${n} up`}
          disabled={index === 0}
          onClick={() => onMove("up")}
        >
          <ChevronUp />
        </Button>
        <Button
          type="button"
          variant="ghost"
          size="icon-sm"
          className="size-6"
          id={moveButtonId(fieldId, "down")}
          aria-label={`Move line ${n} down`}
          disabled={index === count - 1}
          onClick={() => onMove("down")}
        >
          <ChevronDown />
        </Button>
      </div>

      <div className="space-y-1">
        <div className="flex items-start gap-1">
          <FormField
            control={control}
            name={`lines.${index}.description`}
            render={({ field }) => (
              <FormItem className="flex-1">
                <FormControl>
                  <Textarea {...field} aria-label={`${label} description`} rows={1} maxLength={2000} placeholder="Description" className="min-h-9" />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <ProductSearch lineLabel={label} onPick={pickProduct} />
        </div>
        {warning ? (
          <p className="flex items-start gap-1 text-xs text-amber-700 dark:text-warning" role="status" data-testid="line-warning">
            <AlertTriangle className="mt-0.5 size-3 shrink-0" />
            {warning}
          </p>
        ) : null}
      </div>

      <LineText index={index} name="quantity" label={`${label} quantity`} inputMode="decimal" placeholder="1" className={NUMBER} />
      <LineText index={index} name="unit" label={`${label} unit`} maxLength={20} placeholder="Unit" />
      <LineText
        index={index}
        name="unitPrice"
        label={`${label} unit price`}
        inputMode="decimal"
        placeholder="0.00"
        className={NUMBER}
        onInput={() => setWarning(null)}
      />
      <LineText index={index} name="discountPercent" label={`${label} discount %`} inputMode="decimal" placeholder="0" className={NUMBER} />

      <FormField
        control={control}
        name={`lines.${index}.taxRateIds`}
        render={({ field, fieldState }) => (
          <FormItem>
            <LineTaxesPicker
              label={`${label} taxes`}
              value={field.value}
              onChange={field.onChange}
              rates={rates}
              triggerRef={field.ref}
              invalid={fieldState.invalid}
            />
            <FormMessage />
          </FormItem>
        )}
      />

      <LineAmount index={index} rates={rates} label={label} />

      <Button type="button" variant="ghost" size="icon-sm" aria-label={`Remove line ${n}`} onClick={onRemove}>
        <Trash2 />
      </Button>
    </div>
  );
}

type LineTextProps = { index: number; name: TextKey; label: string } & Omit<ComponentProps<typeof Input>, "name" | "value" | "onChange" | "onBlur" | "ref">;

function LineText({ index, name, label, ...inputProps }: LineTextProps) {
  const { control } = useFormContext<InvoiceDraftFormValues>();
  return (
    <FormField
      control={control}
      name={`lines.${index}.${name}`}
      render={({ field }) => (
        <FormItem>
          <FormControl>
            <Input {...inputProps} {...field} value={field.value ?? ""} aria-label={label} autoComplete="off" />
          </FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** quantity × price − the line's discount, live; "—" until the line's figures parse. */
function LineAmount({ index, rates, label }: { index: number; rates: readonly EditorTaxRate[]; label: string }) {
  const { control } = useFormContext<InvoiceDraftFormValues>();
  const line = useWatch({ control, name: `lines.${index}` });
  const currency = useWatch({ control, name: "currency" });
  const net = line ? liveLineNet(line, currency, rates) : null;
  return (
    <output className="flex h-9 items-center justify-end text-sm tabular-nums" aria-label={`${label} amount`} data-testid="line-amount">
      {net === null ? "—" : formatMoney(net, currency.trim().toUpperCase())}
    </output>
  );
}

"use client";

import { ChevronDown } from "lucide-react";
import type { Ref } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { EditorTaxRate } from "@/lib/invoices/editor-options";
import { MAX_TAXES_PER_LINE } from "@/lib/invoices/schemas";
import { percentToDecimalString } from "@/lib/money";

interface Props {
  /** the accessible name, e.g. "Line 1 taxes" */
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  rates: readonly EditorTaxRate[];
  triggerRef?: Ref<HTMLButtonElement>;
  invalid?: boolean;
}

export function rateLabel(rate: EditorTaxRate): string {
  const kind = rate.compound ? " (compound)" : "";
  const retired = rate.retired ? " (inactive)" : "";
  return `${rate.name} · ${percentToDecimalString(rate.percent)}%${kind}${retired}`;
}

/** One or more tax rates on a line; compound ones say so, as they are charged on the other taxes too. */
export function LineTaxesPicker({ label, value, onChange, rates, triggerRef, invalid }: Props) {
  const chosen = rates.filter((rate) => value.includes(rate.id));
  const summary = chosen.length ? chosen.map((rate) => rate.name + (rate.compound ? " (compound)" : "")).join(", ") : "No tax";
  const full = value.length >= MAX_TAXES_PER_LINE;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          ref={triggerRef}
          type="button"
          variant="outline"
          className="w-full justify-between font-normal"
          aria-label={`${label}: ${summary}`}
          aria-invalid={invalid}
        >
          <span className="truncate">{summary}</span>
          <ChevronDown className="text-muted-foreground" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-72">
        <DropdownMenuLabel>{label}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {rates.length === 0 ? <p className="px-2 py-1.5 text-sm text-muted-foreground">No active tax rates. An admin adds them under Tax rates.</p> : null}
        {rates.map((rate) => {
          const checked = value.includes(rate.id);
          return (
            <DropdownMenuCheckboxItem
              key={rate.id}
              checked={checked}
              disabled={!checked && (full || rate.retired)}
              // stays open, so several rates can be ticked in a row
              onSelect={(event) => event.preventDefault()}
              onCheckedChange={(next) => onChange(next ? [...value, rate.id] : value.filter((id) => id !== rate.id))}
            >
              {rateLabel(rate)}
            </DropdownMenuCheckboxItem>
          );
        })}
        {full ? <p className="px-2 py-1.5 text-xs text-muted-foreground">At most {MAX_TAXES_PER_LINE} taxes on a line.</p> : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

"use client";

import { ChevronDown } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";

interface Props<T extends string> {
  id: string;
  /** what is filtered, for screen readers: "Status" */
  label: string;
  /** every choice, in the order shown (and kept in `onChange`) */
  options: readonly T[];
  labels: Record<T, string>;
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  /** what the button shows: the choices, or what choosing none means */
  summary: string;
  /** the menu's title: "Show invoices that are" */
  heading: string;
  /** the item that clears the choice: "Any status" */
  clearLabel: string;
  /** the button's width */
  className?: string;
}

/** Several values of one field at once, ticked in a menu that stays open; none ticked means no filter. */
export function MultiSelectFilter<T extends string>({ id, label, options, labels, selected, onChange, summary, heading, clearLabel, className = "w-44" }: Props<T>) {
  function toggle(option: T, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(option);
    else next.delete(option);
    onChange(options.filter((o) => next.has(o)));
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button id={id} variant="outline" className={cn("justify-between font-normal", className)} aria-label={`${label}: ${summary}`}>
          <span className="truncate">{summary}</span>
          <ChevronDown className="opacity-50" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-48">
        <DropdownMenuLabel>{heading}</DropdownMenuLabel>
        {options.map((option) => (
          <DropdownMenuCheckboxItem
            key={option}
            checked={selected.includes(option)}
            onCheckedChange={(checked) => toggle(option, checked === true)}
            // keep the menu open so several can be ticked in a row
            onSelect={(event) => event.preventDefault()}
          >
            {labels[option]}
          </DropdownMenuCheckboxItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem disabled={selected.length === 0} onSelect={() => onChange([])}>
          {clearLabel}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

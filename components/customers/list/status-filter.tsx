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
import { LIST_STATUSES } from "@/lib/customers/list-params";

type Status = (typeof LIST_STATUSES)[number];

const LABELS: Record<Status, string> = { active: "Active", suspended: "Suspended", archived: "Archived" };

function summary(selected: readonly Status[], includeArchived: boolean): string {
  if (selected.length === 0) return includeArchived ? "All" : "Active & suspended";
  if (selected.length === LIST_STATUSES.length) return "All";
  return selected.map((status) => LABELS[status]).join(", ");
}

/** Several statuses at once; none chosen means everything but archived. */
export function StatusFilter({
  selected,
  includeArchived,
  onChange,
}: {
  selected: readonly Status[];
  includeArchived: boolean;
  onChange: (status: Status[]) => void;
}) {
  function toggle(status: Status, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(status);
    else next.delete(status);
    onChange(LIST_STATUSES.filter((s) => next.has(s)));
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button id="customer-status" variant="outline" className="w-48 justify-between font-normal" aria-label={`Status: ${summary(selected, includeArchived)}`}>
          <span className="truncate">{summary(selected, includeArchived)}</span>
          <ChevronDown className="opacity-50" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-48">
        <DropdownMenuLabel>Show customers that are</DropdownMenuLabel>
        {LIST_STATUSES.map((status) => (
          <DropdownMenuCheckboxItem
            key={status}
            checked={selected.includes(status)}
            onCheckedChange={(checked) => toggle(status, checked === true)}
            // keep the menu open so several statuses can be ticked in a row
            onSelect={(event) => event.preventDefault()}
          >
            {LABELS[status]}
          </DropdownMenuCheckboxItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem disabled={selected.length === 0} onSelect={() => onChange([])}>
          Active & suspended (default)
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
